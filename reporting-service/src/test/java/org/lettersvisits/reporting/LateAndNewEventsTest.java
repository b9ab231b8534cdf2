package org.lettersvisits.reporting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.lettersvisits.contracts.Department;
import org.lettersvisits.contracts.EventCodec;
import org.lettersvisits.contracts.Topics;
import org.lettersvisits.contracts.assignment.CaseAccepted;
import org.lettersvisits.contracts.assignment.CaseAssigned;
import org.lettersvisits.contracts.assignment.CaseClosed;
import org.lettersvisits.contracts.assignment.Difficulty;
import org.lettersvisits.contracts.petition.Channel;
import org.lettersvisits.contracts.petition.PetitionRegistered;
import org.lettersvisits.testsupport.CloudEventRecords;
import org.lettersvisits.testsupport.RealInfrastructure;
import org.lettersvisits.testsupport.Users;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Events the leader's report must survive: an older case event arriving after a newer one (a
 * redelivery, a redrive) does not turn a case back, and an event type reporting does not know yet is
 * kept as received and counted by the rebuild of a version that knows it. Each in a year of its own.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class LateAndNewEventsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    @Inject
    EventCodec codec;

    private static PetitionRegistered petition(UUID id, LocalDate day) {
        return new PetitionRegistered(id, "XF-" + day.getYear() + "-" + id.toString().substring(0, 5), Channel.LETTER, day, 1,
                "dispute", true, null, false);
    }

    private static void publish(java.util.List<org.apache.kafka.clients.producer.ProducerRecord<String, String>> records) {
        try (KafkaCompanion kafka = RealInfrastructure.kafkaCompanion()) {
            kafka.produceStrings().fromRecords(records).awaitCompletion(WAIT);
        }
    }

    private boolean received(UUID eventId) {
        return pool.preparedQuery("SELECT 1 FROM report_event WHERE event_id = $1").execute(Tuple.of(eventId))
                .await().atMost(WAIT).size() == 1;
    }

    private static io.restassured.response.ValidatableResponse summary(int year) {
        return given().header("Authorization", Users.LEADER.bearer())
                .get("/api/reports/summary?from=" + year + "-01-01&to=" + year + "-12-31").then().statusCode(200);
    }

    @Test
    void an_older_case_event_arriving_after_a_newer_one_does_not_reopen_the_case_in_the_report() {
        UUID id = UUID.randomUUID();
        LocalDate day = LocalDate.of(2017, 5, 10);
        publish(java.util.List.of(
                CloudEventRecords.of(Topics.PETITION_EVENTS, id, UUID.randomUUID(), petition(id, day), 1),
                CloudEventRecords.of(Topics.ASSIGNMENT_EVENTS, id, UUID.randomUUID(), new CaseAssigned(id, id, "XF-2017",
                        "dispute", Department.COURT, "Leader M", Difficulty.ROUTINE, day, day.plusDays(30)), 1),
                CloudEventRecords.of(Topics.ASSIGNMENT_EVENTS, id, UUID.randomUUID(),
                        new CaseClosed(id, "XF-2017", Department.COURT, "solved", day.plusDays(9)), 3)));
        await().atMost(WAIT).untilAsserted(() -> summary(2017).body("total.closed", equalTo(1)));

        UUID late = UUID.randomUUID();
        publish(java.util.List.of(CloudEventRecords.of(Topics.ASSIGNMENT_EVENTS, id, late,
                new CaseAccepted(id, Department.COURT, day.plusDays(1)), 2)));
        await().atMost(WAIT).until(() -> received(late));

        summary(2017).body("total.received", equalTo(1)).body("total.closed", equalTo(1)).body("total.open", equalTo(0));
    }

    @Test
    void a_type_reporting_learns_later_is_kept_and_counted_by_a_rebuild() {
        UUID id = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        EventCodec.Encoded v1 = codec.encode(petition(id, LocalDate.of(2016, 4, 6)));
        // a newer petition-service publishes a version this reporting-service does not know
        publish(java.util.List.of(CloudEventRecords.raw(Topics.PETITION_EVENTS, id.toString(), eventId.toString(),
                "petition.registered.v7", v1.json())));
        await().atMost(WAIT).until(() -> received(eventId));
        summary(2016).body("petitions.registered", equalTo(0));

        // the next version of reporting-service learns it (here: an upcaster to the version it counts)
        codec.withUpcaster("petition.registered.v7", new EventCodec.Upcaster("petition.registered.v2", payload -> payload));
        int generation = given().header("Authorization", Users.ADMIN.bearer()).get("/api/admin/projections/status")
                .then().extract().path("activeGeneration");
        given().header("Authorization", Users.ADMIN.bearer()).post("/api/admin/projections/rebuild").then().statusCode(202);
        await().atMost(WAIT).untilAsserted(() -> given().header("Authorization", Users.ADMIN.bearer())
                .get("/api/admin/projections/status").then()
                .body("status", equalTo("DONE")).body("activeGeneration", equalTo(generation + 1)));

        summary(2016).body("petitions.registered", equalTo(1)).body("petitions.lawAndLitigation", equalTo(1));
    }
}
