package org.lettersvisits.assignment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.lettersvisits.assignment.CaseFixtures.assignedCase;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lettersvisits.contracts.Topics;
import org.lettersvisits.contracts.followup.ReturnVisitCompleted;
import org.lettersvisits.contracts.followup.Satisfaction;
import org.lettersvisits.testsupport.CloudEventRecords;
import org.lettersvisits.testsupport.RealInfrastructure;
import org.lettersvisits.testsupport.Users;

import io.quarkus.arc.Arc;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A dissatisfied return visit reopens the closure it was made for, and only that one. A case answered, reviewed
 * and answered again meets the dissatisfied visit of its first answer late: the case stays closed by its second
 * answer, and the visit is not dead-lettered (a normal outcome); the visit of the second answer reopens it.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class LateReturnVisitTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    /** Closes the case through the API; returns the case's version after the closure (its ETag). */
    private static int close(UUID caseId, String closedOn) {
        String etag = CaseLifecycleApiTest.post(Users.JUDGE, caseId, "close",
                Map.of("resolution", "explained the judgment", "closedOn", closedOn), null)
                .statusCode(200).extract().header("ETag");
        return Integer.parseInt(etag.replace("\"", ""));
    }

    /** Publishes a dissatisfied visit asking to reopen, as followup-service would, and waits until it was consumed. */
    private static UUID dissatisfiedVisit(UUID caseId, int closureVersion, LocalDate visitedOn) {
        UUID visitId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        try (KafkaCompanion kafka = RealInfrastructure.kafkaCompanion()) {
            kafka.produceStrings().fromRecords(CloudEventRecords.of(Topics.FOLLOWUP_EVENTS, caseId, eventId,
                    new ReturnVisitCompleted(visitId, caseId, visitedOn, "Visitor S", Satisfaction.DISSATISFIED, false,
                            "still disputes the amount", true, closureVersion)))
                    .awaitCompletion(WAIT);
        }
        Pool pool = Arc.container().instance(Pool.class).get();
        await().atMost(WAIT).until(() -> pool.preparedQuery("SELECT 1 FROM processed_event WHERE event_id = $1")
                .execute(Tuple.of(eventId)).await().atMost(Duration.ofSeconds(5)).size() == 1);
        return eventId;
    }

    private static JsonPath caseOf(UUID caseId) {
        return given().header("Authorization", Users.JUDGE.bearer()).get("/api/cases/" + caseId).then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void a_late_dissatisfied_visit_of_the_first_answer_leaves_the_case_closed_by_its_second_answer() {
        UUID caseId = assignedCase("COURT");
        CaseLifecycleApiTest.post(Users.JUDGE, caseId, "accept", null, null).statusCode(200);
        int firstClosure = close(caseId, "2026-11-02");
        CaseLifecycleApiTest.post(Users.SUPERVISOR, caseId, "review",
                Map.of("reason", "disputes the answer", "requestedOn", "2026-11-05"), null).statusCode(200);
        int secondClosure = close(caseId, "2026-11-20");

        UUID late = dissatisfiedVisit(caseId, firstClosure, LocalDate.of(2026, 11, 21));

        JsonPath after = caseOf(caseId);
        assertThat(after.getString("status")).isEqualTo("CLOSED");
        assertThat(after.getList("history.type", String.class)).doesNotContain("case.reopened.v1");
        assertThat(given().header("Authorization", Users.ADMIN.bearer()).get("/api/admin/dead-letters").then()
                .statusCode(200).extract().jsonPath().getList("items.eventId", String.class))
                .as("a visit of an earlier closure is a normal outcome, not a poison record")
                .doesNotContain(late.toString());

        dissatisfiedVisit(caseId, secondClosure, LocalDate.of(2026, 11, 28));

        JsonPath reopened = caseOf(caseId);
        assertThat(reopened.getString("status")).isEqualTo("ACCEPTED");
        assertThat(reopened.getString("department")).isEqualTo("COURT");
        assertThat(reopened.getList("history.type", String.class).stream().filter("case.reopened.v1"::equals)).hasSize(1);
    }

    @Test
    void a_dissatisfied_visit_that_names_no_closure_reopens_the_case_as_before() {
        UUID caseId = assignedCase("COURT");
        close(caseId, "2026-11-02");
        UUID visitId = UUID.randomUUID();
        try (KafkaCompanion kafka = RealInfrastructure.kafkaCompanion()) {
            kafka.produceStrings().fromRecords(CloudEventRecords.of(Topics.FOLLOWUP_EVENTS, caseId, UUID.randomUUID(),
                    new ReturnVisitCompleted(visitId, caseId, LocalDate.of(2026, 11, 9), "Visitor S",
                            Satisfaction.DISSATISFIED, false, null, true)))
                    .awaitCompletion(WAIT);
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(caseOf(caseId).getString("status")).isEqualTo("ACCEPTED"));
        assertThat(caseOf(caseId).getList("history.type", String.class)).contains("case.reopened.v1");
        assertThat(caseOf(caseId).getString("department")).isEqualTo("COURT");
    }
}
