package org.lettersvisits.followup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.lettersvisits.contracts.Topics;
import org.lettersvisits.contracts.assignment.CasePersonalDataErased;
import org.lettersvisits.testsupport.CloudEventRecords;
import org.lettersvisits.testsupport.RealInfrastructure;
import org.lettersvisits.testsupport.TopicContents;
import org.lettersvisits.testsupport.Users;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A case whose petitioner was erased ({@code CasePersonalDataErased} on assignment-events): its return visits keep
 * who visited, when and how satisfied, and no notes (free text about the person), also a visit completed afterwards.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class PersonalDataErasureTest {

    private static final String NOTES = "回访李桂兰（13700001111），仍不满意";

    @Inject
    Pool pool;

    private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Test
    void the_notes_of_an_erased_case_go_and_its_outcome_stays() {
        UUID caseId = UUID.randomUUID();
        ReturnVisitApiTest.close(caseId, today.minusDays(2), UUID.randomUUID());
        String visit = ReturnVisitApiTest.visitsOf(caseId, 1).getString("items[0].id");
        ReturnVisitApiTest.complete(visit, Map.of("visitor", "Visitor S", "satisfaction", "DISSATISFIED",
                "petitionerWithdraws", false, "notes", NOTES, "visitedOn", today.toString())).statusCode(200);
        assertThat(notesOf(caseId)).isEqualTo(NOTES);

        erase(caseId);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(notesOf(caseId)).isNull());
        assertThat(worklistOf(caseId)).contains("DISSATISFIED").contains("Visitor S").contains("COMPLETED");
    }

    @Test
    void the_notes_are_sealed_in_the_event_store_the_outbox_and_the_topic() {
        UUID caseId = UUID.randomUUID();
        ReturnVisitApiTest.close(caseId, today.minusDays(2), UUID.randomUUID());
        String visit = ReturnVisitApiTest.visitsOf(caseId, 1).getString("items[0].id");
        ReturnVisitApiTest.complete(visit, Map.of("visitor", "Visitor S", "satisfaction", "SATISFIED",
                "petitionerWithdraws", true, "notes", NOTES, "visitedOn", today.toString())).statusCode(200);

        UUID visitId = UUID.fromString(visit);
        assertThat(count("SELECT count(*) FROM event WHERE aggregate_id = $1 AND payload::text LIKE '%sealed:v1:%'",
                visitId)).as("the completion, sealed").isEqualTo(1);
        assertThat(count("SELECT count(*) FROM event WHERE aggregate_id = $1 AND payload::text LIKE '%13700001111%'",
                visitId)).isZero();
        assertThat(count("SELECT count(*) FROM outbox WHERE aggregate_id = $1 AND payload::text LIKE '%13700001111%'",
                visitId)).isZero();
        assertThat(notesOf(caseId)).as("the worklist holds them in clear until an erasure").isEqualTo(NOTES);
        await().atMost(Duration.ofSeconds(30)).until(() -> TopicContents.read(Topics.FOLLOWUP_EVENTS).stream()
                .filter(r -> visit.equals(r.key()) || caseId.toString().equals(r.key()))
                .anyMatch(r -> r.value().contains("SATISFIED")));
        assertThat(TopicContents.read(Topics.FOLLOWUP_EVENTS)).filteredOn(r -> r.value() != null && r.value().contains(
                caseId.toString())).allSatisfy(r -> assertThat(r.value()).doesNotContain("13700001111"));
    }

    private long count(String sql, UUID id) {
        return pool.preparedQuery(sql).execute(Tuple.of(id)).await().atMost(Duration.ofSeconds(5)).iterator().next()
                .getLong(0);
    }

    @Test
    void a_visit_completed_after_the_erasure_keeps_no_notes() {
        UUID caseId = UUID.randomUUID();
        ReturnVisitApiTest.close(caseId, today.minusDays(2), UUID.randomUUID());
        String visit = ReturnVisitApiTest.visitsOf(caseId, 1).getString("items[0].id");
        erase(caseId);
        await().atMost(Duration.ofSeconds(30)).until(() -> pool.preparedQuery("SELECT 1 FROM erased_case WHERE id = $1")
                .execute(Tuple.of(caseId)).await().atMost(Duration.ofSeconds(5)).size() == 1);
        ReturnVisitApiTest.complete(visit, Map.of("visitor", "Visitor S", "satisfaction", "SATISFIED",
                "petitionerWithdraws", true, "notes", NOTES, "visitedOn", today.toString())).statusCode(200);

        assertThat(worklistOf(caseId)).contains("SATISFIED").contains("COMPLETED");
        assertThat(notesOf(caseId)).isNull();
    }

    private static void erase(UUID caseId) {
        try (KafkaCompanion kafka = RealInfrastructure.kafkaCompanion()) {
            kafka.produceStrings().fromRecords(CloudEventRecords.of(Topics.ASSIGNMENT_EVENTS, caseId,
                    new CasePersonalDataErased(caseId))).awaitCompletion(Duration.ofSeconds(30));
        }
    }

    /** The notes the worklist keeps of the case's visit (the worklist's table; the list does not show them). */
    private String notesOf(UUID caseId) {
        return pool.preparedQuery("SELECT notes FROM return_visit_view WHERE case_id = $1").execute(Tuple.of(caseId))
                .await().atMost(Duration.ofSeconds(5)).iterator().next().getString("notes");
    }

    private static String worklistOf(UUID caseId) {
        return given().header("Authorization", Users.FOLLOWUP.bearer()).queryParam("caseId", caseId.toString())
                .get("/api/return-visits").then().statusCode(200).extract().asString();
    }
}
