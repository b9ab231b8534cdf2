package org.lettersvisits.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.lettersvisits.contracts.Department;
import org.lettersvisits.contracts.Topics;
import org.lettersvisits.contracts.assignment.CaseAccepted;
import org.lettersvisits.contracts.assignment.CaseAssigned;
import org.lettersvisits.contracts.assignment.CaseClosed;
import org.lettersvisits.contracts.assignment.Difficulty;
import org.lettersvisits.contracts.followup.ReturnVisitCompleted;
import org.lettersvisits.contracts.followup.ReturnVisitScheduled;
import org.lettersvisits.contracts.followup.Satisfaction;
import org.lettersvisits.testsupport.CloudEventRecords;
import org.lettersvisits.testsupport.RealInfrastructure;
import org.lettersvisits.testsupport.Users;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * An event that arrives after a newer one of its aggregate (out of order, or redriven from the dead letters after a
 * fix) still brings its own facts into the report, once, while the newer status stays. Each in a year of its own
 * (2014, 2015, 2018); the statutory limit is 60 days from acceptance, from assignment for a case never accepted.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class LateFactsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    private static void publish(List<ProducerRecord<String, String>> records) {
        try (KafkaCompanion kafka = RealInfrastructure.kafkaCompanion()) {
            kafka.produceStrings().fromRecords(records).awaitCompletion(WAIT);
        }
    }

    private boolean received(UUID eventId) {
        return pool.preparedQuery("SELECT 1 FROM report_event WHERE event_id = $1").execute(Tuple.of(eventId))
                .await().atMost(WAIT).size() == 1;
    }

    private static ValidatableResponse summary(int year) {
        return given().header("Authorization", Users.LEADER.bearer())
                .get("/api/reports/summary?from=" + year + "-01-01&to=" + year + "-12-31").then().statusCode(200);
    }

    private static ProducerRecord<String, String> assigned(UUID id, LocalDate day, int version) {
        return CloudEventRecords.of(Topics.ASSIGNMENT_EVENTS, id, UUID.randomUUID(), new CaseAssigned(id, id,
                "XF-" + day.getYear() + "-" + id.toString().substring(0, 5), "dispute", Department.COURT, "Leader L",
                Difficulty.ROUTINE, day, day.plusDays(90)), version);
    }

    @Test
    void an_acceptance_arriving_after_the_closure_counts_towards_the_statutory_limit_and_the_case_stays_closed() {
        UUID id = UUID.randomUUID();
        UUID acceptance = UUID.randomUUID();
        // assigned 3 March, accepted 31 March, closed 20 May: late counted from the assignment (due 2 May),
        // in time counted from the acceptance (due 30 May)
        publish(List.of(assigned(id, LocalDate.of(2014, 3, 3), 1), CloudEventRecords.of(Topics.ASSIGNMENT_EVENTS, id,
                UUID.randomUUID(), new CaseClosed(id, "XF", Department.COURT, "solved", LocalDate.of(2014, 5, 20)), 3)));
        await().atMost(WAIT).untilAsserted(() -> summary(2014).body("total.closed", equalTo(1))
                .body("total.closedWithinStatutoryLimit", equalTo(0)));

        publish(List.of(CloudEventRecords.of(Topics.ASSIGNMENT_EVENTS, id, acceptance,
                new CaseAccepted(id, Department.COURT, LocalDate.of(2014, 3, 31)), 2)));
        await().atMost(WAIT).until(() -> received(acceptance));

        summary(2014).body("total.received", equalTo(1)).body("total.closed", equalTo(1)).body("total.open", equalTo(0))
                .body("total.closedWithinStatutoryLimit", equalTo(1));
    }

    @Test
    void a_return_visit_completed_before_its_scheduling_arrives_still_counts_as_done_and_satisfied() {
        UUID caseId = UUID.randomUUID();
        UUID visitId = UUID.randomUUID();
        UUID scheduling = UUID.randomUUID();
        LocalDate closed = LocalDate.of(2014, 6, 2);
        publish(List.of(
                CloudEventRecords.of(Topics.FOLLOWUP_EVENTS, caseId, UUID.randomUUID(), new ReturnVisitCompleted(visitId,
                        caseId, closed.plusDays(10), "Visitor V", Satisfaction.SATISFIED, true, "content", false), 2),
                CloudEventRecords.of(Topics.FOLLOWUP_EVENTS, caseId, scheduling, new ReturnVisitScheduled(visitId, caseId,
                        "XF-2014", Department.COURT, closed, closed.plusDays(30)), 1)));
        await().atMost(WAIT).until(() -> received(scheduling));

        summary(2014).body("returnVisits.scheduled", equalTo(1)).body("returnVisits.completed", equalTo(1))
                .body("returnVisits.pending", equalTo(0)).body("returnVisits.satisfied", equalTo(1))
                .body("returnVisits.withdrawn", equalTo(1));
    }

    @Test
    void a_dead_lettered_assignment_redriven_after_the_later_events_brings_the_case_in_closed_and_a_second_redrive_changes_nothing() {
        UUID id = UUID.randomUUID();
        ProducerRecord<String, String> assignment = assigned(id, LocalDate.of(2015, 3, 2), 1);
        UUID closure = UUID.randomUUID();
        // the assignment was dead-lettered (say, by a bug fixed since); acceptance and closure were applied meanwhile
        publish(List.of(deadLettered(assignment),
                CloudEventRecords.of(Topics.ASSIGNMENT_EVENTS, id, UUID.randomUUID(),
                        new CaseAccepted(id, Department.COURT, LocalDate.of(2015, 3, 4)), 2),
                CloudEventRecords.of(Topics.ASSIGNMENT_EVENTS, id, closure,
                        new CaseClosed(id, "XF", Department.COURT, "solved", LocalDate.of(2015, 4, 10)), 3)));
        await().atMost(WAIT).until(() -> received(closure));
        summary(2015).body("total.received", equalTo(0));
        String assignmentId = header(assignment, "ce_id");
        await().atMost(WAIT).untilAsserted(() -> assertThat(deadLetterStatus(assignmentId)).isEqualTo("PENDING"));

        JsonPath first = redrive();
        assertThat(first.getList("stillFailing.eventId")).doesNotContain(assignmentId);
        assertThat(deadLetterStatus(assignmentId)).isEqualTo("APPLIED");
        summary(2015).body("total.received", equalTo(1)).body("total.closed", equalTo(1)).body("total.open", equalTo(0))
                .body("total.closedWithinStatutoryLimit", equalTo(1)).body("total.statutoryOverdue", equalTo(0));

        JsonPath second = redrive();
        assertThat(second.getInt("applied")).isZero();
        assertThat(second.getInt("alreadyApplied")).isEqualTo(first.getInt("alreadyApplied") + first.getInt("applied"));
        summary(2015).body("total.received", equalTo(1)).body("total.closed", equalTo(1)).body("total.open", equalTo(0))
                .body("total.closedWithinStatutoryLimit", equalTo(1));
    }

    /** {@code original} as the channel's dead-letter-queue strategy writes it to reporting's dead-letter topic. */
    private static ProducerRecord<String, String> deadLettered(ProducerRecord<String, String> original) {
        RecordHeaders headers = new RecordHeaders(original.headers().toArray());
        headers.add("dead-letter-topic", bytes(original.topic()));
        headers.add("dead-letter-partition", bytes("0"));
        headers.add("dead-letter-offset", bytes("0"));
        headers.add("dead-letter-reason", bytes("a bug, fixed since"));
        headers.add("dead-letter-kind", bytes("FAILED"));
        headers.add("dead-letter-subscription", bytes("report-inbox"));
        return new ProducerRecord<>(Topics.deadLettersOf("reporting-service"), null, original.key(), original.value(),
                headers);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String header(ProducerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static JsonPath redrive() {
        return given().header("Authorization", Users.ADMIN.bearer()).post("/api/admin/dead-letters/redrive")
                .then().statusCode(200).extract().jsonPath();
    }

    private static String deadLetterStatus(String eventId) {
        return given().header("Authorization", Users.ADMIN.bearer()).get("/api/admin/dead-letters").then().statusCode(200)
                .extract().jsonPath().getString("items.find { it.eventId == '" + eventId + "' }.status");
    }
}
