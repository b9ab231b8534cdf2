package org.lettersvisits.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.lettersvisits.platform.E2eClient.REPORTING;
import static org.lettersvisits.platform.E2eClient.as;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.path.json.JsonPath;

/**
 * The committee's year from the seed's own data: loaded through the APIs of all four services with
 * real Keycloak tokens, the summary equals the file's {@code expect}, the overdue list holds exactly
 * the seed's open cases whose deadline has passed, and a rebuild comes out identical.
 */
@ExtendWith(SharedPlatform.class)
class SeedYearIT {

    private static final Duration EVENTUAL = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void the_seed_year_reproduces_the_committees_table_and_survives_a_rebuild() throws Exception {
        Path file = Path.of(System.getProperty("platform.root", "..")).resolve("deploy/seed/seed-year.json");
        SeedLoader.Result seeded = new SeedLoader(SharedPlatform.settings(), System.out).load(file);
        JsonNode expect = seeded.expect();
        String year = "?from=2026-01-01&to=2026-12-31";

        await().atMost(EVENTUAL).untilAsserted(() -> {
            JsonNode summary = JSON.readTree(as("leader1", REPORTING).get("/api/reports/summary" + year).then()
                    .statusCode(200).extract().asString());
            for (JsonNode line : summary.get("departments")) {
                JsonNode wanted = expect.get("departments").get(line.get("department").asText());
                wanted.fieldNames().forEachRemaining(f -> assertThat(line.get(f).asLong()).as(line.get("department") + " " + f)
                        .isEqualTo(wanted.get(f).asLong()));
            }
            for (String section : List.of("total", "petitions", "returnVisits")) {
                expect.get(section).fieldNames().forEachRemaining(f -> assertThat(summary.get(section).get(f).asLong())
                        .as(section + "." + f).isEqualTo(expect.get(section).get(f).asLong()));
            }
        });

        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        Set<String> expectedOverdue = new HashSet<>();
        seeded.openCaseDeadlines().forEach((caseId, deadline) -> {
            if (deadline.isBefore(today)) {
                expectedOverdue.add(caseId);
            }
        });
        JsonPath overdue = as("leader1", REPORTING).get("/api/reports/overdue").then().statusCode(200).extract().jsonPath();
        Set<String> seedOverdue = new HashSet<>(overdue.getList("caseId", String.class));
        seedOverdue.retainAll(seeded.caseIds());
        assertThat(seedOverdue).isEqualTo(expectedOverdue);

        String summaryBefore = as("leader1", REPORTING).get("/api/reports/summary" + year).asString();
        String overdueBefore = as("leader1", REPORTING).get("/api/reports/overdue").asString();
        as("admin1", REPORTING).post("/api/admin/projections/rebuild").then().statusCode(202);
        await().atMost(EVENTUAL).until(() -> "DONE".equals(as("admin1", REPORTING).get("/api/admin/projections/status")
                .then().extract().path("status")));
        assertThat(as("leader1", REPORTING).get("/api/reports/summary" + year).asString()).isEqualTo(summaryBefore);
        assertThat(as("leader1", REPORTING).get("/api/reports/overdue").asString()).isEqualTo(overdueBefore);
        Map<String, Object> status = as("admin1", REPORTING).get("/api/admin/projections/status").then().extract().jsonPath()
                .getMap("$");
        System.out.println("seed-year rebuild: " + status);
        long toReplay = ((Number) status.get("toReplay")).longValue();
        assertThat(((Number) status.get("replayed")).longValue()).as("each event replayed once (a watcher may add one meanwhile)")
                .isBetween(toReplay, toReplay + 5);
        leaderSeesTheTableInTheBrowser(expect, year, expectedOverdue.size());
    }

    /** The leader's dashboard page shows the same table, department by department, and the overdue list. */
    private static void leaderSeesTheTableInTheBrowser(JsonNode expect, String year, int overdueCases) {
        try (Browser browser = Browser.open()) {
            browser.openAs("leader1", SharedPlatform.settings().services().get(3).baseUrl() + "/#" + year.substring(1));
            for (String department : List.of("PUBLIC_SECURITY", "PROCURATORATE", "COURT", "JUSTICE_BUREAU")) {
                JsonNode wanted = expect.get("departments").get(department);
                wanted.fieldNames().forEachRemaining(measure -> assertThat(browser.find("#summary tr[data-department='"
                        + department + "'] td[data-measure='" + measure + "']").getText())
                        .as(department + " " + measure).isEqualTo(wanted.get(measure).asText()));
            }
            assertThat(browser.find("#summary tr.total td[data-measure='received']").getText())
                    .isEqualTo(expect.get("total").get("received").asText());
            await().atMost(Browser.WAIT).until(() -> browser.all("#overdue tbody tr").size() >= overdueCases);
            browser.screenshot("leader-dashboard");
        }
    }
}
