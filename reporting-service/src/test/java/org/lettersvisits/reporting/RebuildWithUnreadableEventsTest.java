package org.lettersvisits.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.lettersvisits.contracts.Department;
import org.lettersvisits.contracts.Topics;
import org.lettersvisits.contracts.assignment.CaseAssigned;
import org.lettersvisits.contracts.assignment.CaseClosed;
import org.lettersvisits.contracts.assignment.Difficulty;
import org.lettersvisits.testsupport.CloudEventRecords;
import org.lettersvisits.testsupport.RealInfrastructure;
import org.lettersvisits.testsupport.ScrapedMetrics;
import org.lettersvisits.testsupport.Users;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A rebuild that meets a record of {@code report_event} it cannot read (here: a known type whose body no longer
 * decodes) does not swap in read models with that event missing: it stops as FAILED, names the record, and the board
 * keeps showing the live figures; once the record reads again, a rebuild swaps. In a year of its own (2010).
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class RebuildWithUnreadableEventsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    private static ValidatableResponse summary() {
        return given().header("Authorization", Users.LEADER.bearer())
                .get("/api/reports/summary?from=2010-01-01&to=2010-12-31").then().statusCode(200);
    }

    private static JsonPath status() {
        return given().header("Authorization", Users.ADMIN.bearer()).get("/api/admin/projections/status").then()
                .statusCode(200).extract().jsonPath();
    }

    private static void rebuild() {
        given().header("Authorization", Users.ADMIN.bearer()).post("/api/admin/projections/rebuild").then().statusCode(202);
    }

    private Object one(String sql, Object... values) {
        return pool.preparedQuery(sql).execute(Tuple.from(List.of(values))).await().atMost(WAIT).iterator().next()
                .getValue(0);
    }

    @Test
    void a_rebuild_that_cannot_read_an_event_names_it_and_keeps_the_live_read_models() {
        UUID id = UUID.randomUUID();
        UUID closure = UUID.randomUUID();
        LocalDate day = LocalDate.of(2010, 4, 1);
        try (KafkaCompanion kafka = RealInfrastructure.kafkaCompanion()) {
            kafka.produceStrings().fromRecords(List.of(
                    CloudEventRecords.of(Topics.ASSIGNMENT_EVENTS, id, UUID.randomUUID(), new CaseAssigned(id, id,
                            "XF-2010-1", "dispute", Department.COURT, "Leader R", Difficulty.ROUTINE, day, day.plusDays(30)), 1),
                    CloudEventRecords.of(Topics.ASSIGNMENT_EVENTS, id, closure,
                            new CaseClosed(id, "XF-2010-1", Department.COURT, "solved", day.plusDays(9)), 2)))
                    .awaitCompletion(WAIT);
        }
        await().atMost(WAIT).untilAsserted(() -> summary().body("total.closed", equalTo(1)));
        int live = status().getInt("activeGeneration");
        double unreadableBefore = Math.max(0, ScrapedMetrics.scrape().sum("reporting_rebuild_unreadable_events_total"));

        // the closure's record, as kept, no longer decodes (a date this version cannot read)
        String body = (String) one("SELECT body FROM report_event WHERE event_id = $1", closure);
        long seq = (Long) one("UPDATE report_event SET body = replace(body, $2, 'the tenth of April') WHERE event_id = $1 "
                + "RETURNING seq", closure, day.plusDays(9).toString());
        try {
            rebuild();
            await().atMost(WAIT).until(() -> !"RUNNING".equals(status().getString("status")));
            JsonPath failed = status();
            assertThat(failed.getString("status")).isEqualTo("FAILED");
            assertThat(failed.getInt("activeGeneration")).isEqualTo(live);
            assertThat(failed.getString("error")).contains("1 event").contains("not swapped");
            assertThat(failed.getInt("unreadableCount")).isEqualTo(1);
            Map<String, Object> unreadable = failed.getMap("unreadable[0]");
            assertThat(unreadable).containsEntry("seq", (int) seq).containsEntry("type", "case.closed.v1")
                    .containsEntry("eventId", closure.toString());
            // which field does not read, and where, but never the value itself: it may be personal data
            assertThat((String) unreadable.get("error")).contains("closedOn").doesNotContain("the tenth of April");
            summary().body("total.received", equalTo(1)).body("total.closed", equalTo(1)).body("total.open", equalTo(0));
            assertThat(one("SELECT count(*) FROM rm_case WHERE generation <> $1", live)).as("what it built is dropped")
                    .isEqualTo(0L);
            assertThat(ScrapedMetrics.scrape().sum("reporting_rebuild_unreadable_events_total"))
                    .isEqualTo(unreadableBefore + 1);
        } finally {
            pool.preparedQuery("UPDATE report_event SET body = $2 WHERE event_id = $1").execute(Tuple.of(closure, body))
                    .await().atMost(WAIT);
        }

        rebuild();
        await().atMost(WAIT).untilAsserted(() -> given().header("Authorization", Users.ADMIN.bearer())
                .get("/api/admin/projections/status").then().body("status", equalTo("DONE"))
                .body("activeGeneration", not(equalTo(live))).body("unreadableCount", equalTo(0)));
        summary().body("total.received", equalTo(1)).body("total.closed", equalTo(1)).body("total.open", equalTo(0));
    }
}
