package org.lettersvisits.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.lettersvisits.platform.E2eClient.REPORTING;
import static org.lettersvisits.platform.E2eClient.as;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
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

        theBoardAsOfTheEnlargedMeetingFollowsTheSeedsDates(seeded);

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

    /**
     * The board as it stood at the end of 17 October 2026 (the enlarged meeting), counted here straight from the
     * seed's own dates: a case counts from the day it was assigned, as closed or suspended from the day it ended so,
     * as overdue when still open that day past its deadline; petitions from the day they were received. The seed was
     * entered today, all at once, so only the business dates the events carry can give this table.
     */
    private static void theBoardAsOfTheEnlargedMeetingFollowsTheSeedsDates(SeedLoader.Result seeded) throws Exception {
        LocalDate meeting = LocalDate.of(2026, 10, 17);
        Map<String, long[]> expected = new java.util.HashMap<>(); // received, closed, suspended, open, overdue
        for (String department : List.of("PUBLIC_SECURITY", "PROCURATORATE", "COURT", "JUSTICE_BUREAU")) {
            expected.put(department, new long[5]);
        }
        seeded.seedCases().forEach((id, c) -> {
            if (LocalDate.parse(c.get("assignment").get("assignedOn").asText()).isAfter(meeting)) {
                return;
            }
            long[] line = expected.get(c.get("assignment").get("department").asText());
            line[0]++;
            JsonNode outcome = c.get("outcome");
            boolean ended = !"OPEN".equals(outcome.get("status").asText())
                    && !LocalDate.parse(outcome.get("on").asText()).isAfter(meeting);
            if (ended) {
                line["CLOSED".equals(outcome.get("status").asText()) ? 1 : 2]++;
            } else {
                line[3]++;
                if (seeded.deadlines().get(id).isBefore(meeting)) {
                    line[4]++;
                }
            }
        });
        long registered = 0;
        Path file = Path.of(System.getProperty("platform.root", "..")).resolve("deploy/seed/seed-year.json");
        JsonNode year = JSON.readTree(file.toFile());
        for (JsonNode c : year.get("cases")) {
            registered += LocalDate.parse(c.get("petition").get("receivedOn").asText()).isAfter(meeting) ? 0 : 1;
        }
        for (JsonNode p : year.get("otherPetitions")) {
            registered += LocalDate.parse(p.get("receivedOn").asText()).isAfter(meeting) ? 0 : 1;
        }

        JsonNode board = JSON.readTree(as("leader1", REPORTING).get("/api/reports/summary?asOf=2026-10-17").then()
                .statusCode(200).extract().asString());
        assertThat(board.get("asOf").asText()).isEqualTo("2026-10-17");
        String[] measures = { "received", "closed", "suspended", "open", "overdue" };
        for (JsonNode line : board.get("departments")) {
            long[] wanted = expected.get(line.get("department").asText());
            for (int i = 0; i < measures.length; i++) {
                assertThat(line.get(measures[i]).asLong()).as("as of 17 October: " + line.get("department") + " "
                        + measures[i]).isEqualTo(wanted[i]);
            }
        }
        assertThat(board.get("petitions").get("registered").asLong()).as("petitions received by 17 October")
                .isEqualTo(registered);
        // not the year's end: a suspension of 30 October and three petitions received later are not counted yet
        assertThat(board.get("total").get("suspended").asLong()).as("suspended by 17 October")
                .isLessThan(seeded.expect().get("total").get("suspended").asLong());
        assertThat(board.get("petitions").get("registered").asLong()).as("registered by 17 October")
                .isLessThan(seeded.expect().get("petitions").get("registered").asLong());
        System.out.println("the board as of 2026-10-17: " + board);

        // the leader asks the dashboard the same question
        long receivedByThen = expected.values().stream().mapToLong(line -> line[0]).sum();
        try (Browser browser = Browser.open()) {
            browser.openAs("leader1", SharedPlatform.settings().services().get(3).baseUrl() + "/#asOf=2026-10-17");
            await().atMost(Browser.WAIT).until(() -> browser.find("#as-of-note").getText().contains("2026-10-17"));
            await().atMost(Browser.WAIT).until(() -> browser.find("#summary tr.total td[data-measure='received']").getText()
                    .equals(String.valueOf(receivedByThen)));
            assertThat(browser.find("#period-as-of").getAttribute("value")).isEqualTo("2026-10-17");
            browser.screenshot("leader-dashboard-as-of");
        }
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

            theYearEndReportStatesTheSeedsFigures(browser, expect);
        }
    }

    /**
     * The leader downloads the year-end report from the dashboard, as Word and as PDF: both open, say the committee's
     * figures in the summary's words (33 received, 15 closed, 11 suspended, 7 open; per department; no escalation) and
     * list the seven open cases with their leaders. The PDF's first page is pictured for the docs.
     */
    private static void theYearEndReportStatesTheSeedsFigures(Browser browser, JsonNode expect) {
        String figures = "2026年，全市政法各部门共受理涉法涉诉信访案件33件，已办结15件，中止11件，尚未办结7件。"
                + "其中，公安局受理14件，办结6件，中止4件；检察院受理4件，办结1件，中止1件；"
                + "法院受理15件，办结8件，中止6件；司法局未受理涉法涉诉信访案件。";
        assertThat(browser.find("#annual-year").getAttribute("value")).isEqualTo("2026");

        browser.find("#annual-docx").click();
        Path docx = browser.downloads().resolve("annual-report-2026.docx");
        await().atMost(Browser.WAIT).until(() -> Files.isRegularFile(docx) && Files.size(docx) > 0);
        try (XWPFDocument word = new XWPFDocument(Files.newInputStream(docx))) {
            List<String> paragraphs = word.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertThat(paragraphs.get(0)).isEqualTo("2026年度涉法涉诉信访工作情况");
            assertThat(paragraphs).contains(figures);
            assertThat(paragraphs).anyMatch(p -> p.contains("全年未发生到省、进京上访。"));
            XWPFTable table = word.getTables().get(0);
            List<String> departments = List.of("PUBLIC_SECURITY", "PROCURATORATE", "COURT", "JUSTICE_BUREAU");
            for (int i = 0; i < departments.size(); i++) {
                JsonNode wanted = expect.get("departments").get(departments.get(i));
                assertThat(table.getRow(i + 1).getTableCells().stream().skip(1).limit(4).map(XWPFTableCell::getText).toList())
                        .as(departments.get(i)).containsExactly(wanted.get("received").asText(), wanted.get("closed").asText(),
                                wanted.get("suspended").asText(), wanted.get("open").asText());
            }
            assertThat(word.getTables().get(1).getRows()).as("the seven open cases under a header").hasSize(8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }

        browser.find("#annual-pdf").click();
        Path pdf = browser.downloads().resolve("annual-report-2026.pdf");
        await().atMost(Browser.WAIT).until(() -> Files.isRegularFile(pdf) && Files.size(pdf) > 0);
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertThat(new PDFTextStripper().getText(document).replaceAll("\\s+", "")).contains(figures);
            browser.picture("annual-report-first-page", new PDFRenderer(document).renderImageWithDPI(0, 110));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
