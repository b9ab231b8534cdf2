package org.lettersvisits.petition;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.lettersvisits.contracts.Department;
import org.lettersvisits.contracts.Topics;
import org.lettersvisits.contracts.assignment.CaseAssigned;
import org.lettersvisits.contracts.assignment.CaseClosed;
import org.lettersvisits.contracts.assignment.CaseReopened;
import org.lettersvisits.contracts.assignment.Difficulty;
import org.lettersvisits.contracts.followup.ReturnVisitScheduled;
import org.lettersvisits.testsupport.CloudEventRecords;
import org.lettersvisits.testsupport.RealInfrastructure;
import org.lettersvisits.testsupport.Users;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * What assignment- and followup-service publish about a petition's case (its id is the petition's), each heard here
 * before the call returns. The waits read as the committee's leader, whose reads the access log does not record.
 */
final class CaseEvents {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final LocalDate ON = LocalDate.of(2026, 10, 15);

    private CaseEvents() {
    }

    static void assigned(String id, Department department) {
        UUID caseId = UUID.fromString(id);
        publish(Topics.ASSIGNMENT_EVENTS, caseId, new CaseAssigned(caseId, caseId, "XF", "subject", department,
                "Deputy Director Zhang", Difficulty.ROUTINE, ON, ON.plusDays(30)));
        Awaitility.await().atMost(WAIT).untilAsserted(() -> given().header("Authorization", Users.LEADER.bearer())
                .get("/api/petitions/" + id).then().statusCode(200).body("department", equalTo(department.name())));
    }

    static void closed(String id, Department department) {
        UUID caseId = UUID.fromString(id);
        publish(Topics.ASSIGNMENT_EVENTS, caseId, new CaseClosed(caseId, "XF", department, "explained", ON.plusDays(20)));
        heard(id, "case.closed.v1");
    }

    static void reopened(String id, Department department) {
        UUID caseId = UUID.fromString(id);
        publish(Topics.ASSIGNMENT_EVENTS, caseId, new CaseReopened(caseId, department, "dissatisfied", ON.plusDays(40)));
        heard(id, "case.reopened.v1");
    }

    /** A return visit scheduled, as followup-service does on a closure it heard of. */
    static void returnVisitScheduled(String id, Department department) {
        UUID caseId = UUID.fromString(id);
        publish(Topics.FOLLOWUP_EVENTS, caseId, new ReturnVisitScheduled(UUID.randomUUID(), caseId, "XF", department,
                ON.plusDays(20), ON.plusDays(35)));
        heard(id, "return-visit.scheduled.v1");
    }

    private static void publish(String topic, UUID caseId, Object event) {
        try (KafkaCompanion kafka = RealInfrastructure.kafkaCompanion()) {
            kafka.produceStrings().fromRecords(CloudEventRecords.of(topic, caseId, UUID.randomUUID(), event))
                    .awaitCompletion(WAIT);
        }
    }

    private static void heard(String id, String type) {
        Awaitility.await().atMost(WAIT).untilAsserted(() -> given().header("Authorization", Users.LEADER.bearer())
                .get("/api/petitions/" + id).then().statusCode(200).body("timeline.type", hasItem(type)));
    }
}
