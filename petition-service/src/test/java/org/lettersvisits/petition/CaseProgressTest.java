package org.lettersvisits.petition;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.lettersvisits.petition.PetitionBodies.visit;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lettersvisits.contracts.Department;
import org.lettersvisits.contracts.Topics;
import org.lettersvisits.contracts.assignment.CaseAccepted;
import org.lettersvisits.contracts.assignment.CaseAssigned;
import org.lettersvisits.contracts.assignment.CaseClosed;
import org.lettersvisits.contracts.assignment.CaseReviewRequested;
import org.lettersvisits.contracts.assignment.Difficulty;
import org.lettersvisits.testsupport.CloudEventRecords;
import org.lettersvisits.testsupport.RealInfrastructure;
import org.lettersvisits.testsupport.Users;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** A petition follows its case as assignment-service's events arrive on assignment-events. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class CaseProgressTest {

    private static void publish(UUID caseId, UUID eventId, Object event) {
        try (KafkaCompanion kafka = RealInfrastructure.kafkaCompanion()) {
            kafka.produceStrings().fromRecords(CloudEventRecords.of(Topics.ASSIGNMENT_EVENTS, caseId, eventId, event))
                    .awaitCompletion(Duration.ofSeconds(30));
        }
    }

    @Test
    void status_department_and_timeline_follow_the_case_and_the_holding_department_may_read_it() {
        UUID id = UUID.fromString(given().header("Authorization", Users.RECEPTION.bearer()).contentType(ContentType.JSON)
                .body(visit()).post("/api/petitions").then().statusCode(201).extract().path("id"));
        LocalDate on = LocalDate.of(2026, 10, 17);
        UUID assignedEvent = UUID.randomUUID();

        given().header("Authorization", Users.POLICE.bearer()).get("/api/petitions/" + id).then().statusCode(403);

        publish(id, assignedEvent, new CaseAssigned(id, id, "XF", "subject", Department.PUBLIC_SECURITY, "Deputy Director Zhang",
                Difficulty.DIFFICULT, on, LocalDate.of(2026, 12, 15)));
        publish(id, assignedEvent, new CaseAssigned(id, id, "XF", "subject", Department.PUBLIC_SECURITY, "Deputy Director Zhang",
                Difficulty.DIFFICULT, on, LocalDate.of(2026, 12, 15))); // delivered twice
        publish(id, UUID.randomUUID(), new CaseAccepted(id, Department.PUBLIC_SECURITY, on));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", Users.POLICE.bearer())
                .get("/api/petitions/" + id).then().statusCode(200)
                .body("status", equalTo("ACCEPTED"))
                .body("department", equalTo("PUBLIC_SECURITY"))
                .body("timeline.type", contains("petition.registered-sealed.v1", "case.assigned.v1", "case.accepted.v1"))
                .body("timeline[1].facts.department", equalTo("PUBLIC_SECURITY"))
                .body("timeline[1].facts.responsibleLeader", equalTo("Deputy Director Zhang"))
                .body("timeline[1].facts.deadline", equalTo("2026-12-15"))
                .body("timeline[1].detail", equalTo(
                        "department: PUBLIC_SECURITY, responsibleLeader: Deputy Director Zhang, difficulty: DIFFICULT, assignedOn: 2026-10-17, deadline: 2026-12-15")));
        given().header("Authorization", Users.PROCURATOR.bearer()).get("/api/petitions/" + id).then().statusCode(403);

        publish(id, UUID.randomUUID(), new CaseClosed(id, "XF", Department.PUBLIC_SECURITY, "resolved according to law", on));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", Users.RECEPTION.bearer())
                .queryParam("status", "CLOSED").queryParam("q", "wage").get("/api/petitions").then()
                .body("items.id", org.hamcrest.Matchers.hasItem(id.toString())));
    }

    @Test
    void the_case_page_shows_the_statutory_notice_deadline_from_receipt_and_the_handling_deadline_from_acceptance() {
        // received 16 September 2026: 15 days end on 1 October, in the National Day holidays, so on 8 October
        UUID id = UUID.fromString(given().header("Authorization", Users.RECEPTION.bearer()).contentType(ContentType.JSON)
                .body(PetitionBodies.with(visit(), "receivedOn", "2026-09-16")).post("/api/petitions").then().statusCode(201)
                .extract().path("id"));
        given().header("Authorization", Users.RECEPTION.bearer()).get("/api/petitions/" + id).then().statusCode(200)
                .body("statutoryDeadlines.acceptanceNotice.date", equalTo("2026-10-08"))
                .body("statutoryDeadlines.acceptanceNotice.provisional", equalTo(false))
                .body("statutoryDeadlines.handling", org.hamcrest.Matchers.nullValue());

        // the supervisor records the written notice, once, not before the day received
        given().header("Authorization", Users.RECEPTION.bearer()).contentType(ContentType.JSON)
                .body(java.util.Map.of("accepted", true)).post("/api/petitions/" + id + "/acceptance-notice").then()
                .statusCode(403);
        given().header("Authorization", Users.SUPERVISOR.bearer()).contentType(ContentType.JSON)
                .body(java.util.Map.of("accepted", true, "sentOn", "2026-09-15")).post("/api/petitions/" + id + "/acceptance-notice")
                .then().statusCode(422).contentType("application/problem+json");
        given().header("Authorization", Users.SUPERVISOR.bearer()).contentType(ContentType.JSON)
                .body(java.util.Map.of("accepted", true, "sentOn", "2026-10-09")).post("/api/petitions/" + id + "/acceptance-notice")
                .then().statusCode(201).body("sentOn", equalTo("2026-10-09"));
        given().header("Authorization", Users.SUPERVISOR.bearer()).contentType(ContentType.JSON)
                .body(java.util.Map.of("accepted", false)).post("/api/petitions/" + id + "/acceptance-notice").then()
                .statusCode(409);
        given().header("Authorization", Users.RECEPTION.bearer()).get("/api/petitions/" + id).then().statusCode(200)
                .body("statutoryDeadlines.acceptanceNoticeSentOn", equalTo("2026-10-09"))
                .body("statutoryDeadlines.acceptanceNoticeInTime", equalTo(false)) // a day after the 8 October limit
                .body("timeline.type", org.hamcrest.Matchers.hasItem("petition.acceptance-notice-sent.v1"));

        // accepted on 23 October 2026: 60 days end on 22 December, a Tuesday
        publish(id, UUID.randomUUID(), new CaseAssigned(id, id, "XF", "subject", Department.COURT, "Judge W",
                Difficulty.ROUTINE, LocalDate.of(2026, 10, 20), LocalDate.of(2026, 11, 19)));
        publish(id, UUID.randomUUID(), new CaseAccepted(id, Department.COURT, LocalDate.of(2026, 10, 23)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", Users.SUPERVISOR.bearer())
                .get("/api/petitions/" + id).then().statusCode(200)
                .body("statutoryDeadlines.acceptedOn", equalTo("2026-10-23"))
                .body("statutoryDeadlines.handling.date", equalTo("2026-12-22"))
                .body("statutoryDeadlines.handling.provisional", equalTo(false))
                .body("timeline.find { it.type == 'case.accepted.v1' }.facts.acceptedOn", equalTo("2026-10-23")));
    }

    @Test
    void after_the_written_answer_the_case_page_gives_the_review_period_and_once_asked_the_reviews_deadline() {
        UUID id = UUID.fromString(given().header("Authorization", Users.RECEPTION.bearer()).contentType(ContentType.JSON)
                .body(visit()).post("/api/petitions").then().statusCode(201).extract().path("id"));
        LocalDate assigned = LocalDate.of(2026, 9, 1);
        try (KafkaCompanion kafka = RealInfrastructure.kafkaCompanion()) {
            kafka.produceStrings().fromRecords(
                    CloudEventRecords.of(Topics.ASSIGNMENT_EVENTS, id, UUID.randomUUID(), new CaseAssigned(id, id, "XF",
                            "subject", Department.COURT, "Judge W", Difficulty.ROUTINE, assigned, assigned.plusDays(30)), 1),
                    CloudEventRecords.of(Topics.ASSIGNMENT_EVENTS, id, UUID.randomUUID(),
                            new CaseAccepted(id, Department.COURT, assigned.plusDays(1)), 2),
                    CloudEventRecords.of(Topics.ASSIGNMENT_EVENTS, id, UUID.randomUUID(),
                            new CaseClosed(id, "XF", Department.COURT, "explained", LocalDate.of(2026, 10, 15)), 3))
                    .awaitCompletion(Duration.ofSeconds(30));
        }
        // answered on 15 October: 30 days end on Saturday 14 November, so the petitioner may ask until Monday the 16th
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", Users.RECEPTION.bearer())
                .get("/api/petitions/" + id).then().statusCode(200).body("status", equalTo("CLOSED"))
                .body("statutoryDeadlines.answeredOn", equalTo("2026-10-15"))
                .body("statutoryDeadlines.reviewRequest.date", equalTo("2026-11-16"))
                .body("statutoryDeadlines.review", org.hamcrest.Matchers.nullValue()));

        try (KafkaCompanion kafka = RealInfrastructure.kafkaCompanion()) {
            kafka.produceStrings().fromRecords(CloudEventRecords.of(Topics.ASSIGNMENT_EVENTS, id, UUID.randomUUID(),
                    new CaseReviewRequested(id, Department.COURT, "disputes the answer", LocalDate.of(2026, 11, 10),
                            LocalDate.of(2026, 12, 10)), 4)).awaitCompletion(Duration.ofSeconds(30));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", Users.RECEPTION.bearer())
                .get("/api/petitions/" + id).then().statusCode(200).body("status", equalTo("ACCEPTED"))
                .body("statutoryDeadlines.reviewRequestedOn", equalTo("2026-11-10"))
                .body("statutoryDeadlines.review.date", equalTo("2026-12-10"))
                .body("timeline.find { it.type == 'case.review-requested.v1' }.facts.reviewDue", equalTo("2026-12-10")));
    }

    @Test
    void an_older_case_event_arriving_late_never_turns_the_status_back() {
        UUID id = UUID.fromString(given().header("Authorization", Users.RECEPTION.bearer()).contentType(ContentType.JSON)
                .body(visit()).post("/api/petitions").then().statusCode(201).extract().path("id"));
        LocalDate on = LocalDate.of(2026, 10, 17);
        try (KafkaCompanion kafka = RealInfrastructure.kafkaCompanion()) {
            kafka.produceStrings().fromRecords(
                    CloudEventRecords.of(Topics.ASSIGNMENT_EVENTS, id, UUID.randomUUID(), new CaseAssigned(id, id, "XF",
                            "subject", Department.COURT, "Vice President Li", Difficulty.ROUTINE, on, on.plusDays(30)), 1),
                    CloudEventRecords.of(Topics.ASSIGNMENT_EVENTS, id, UUID.randomUUID(),
                            new CaseClosed(id, "XF", Department.COURT, "judgment enforced", on.plusDays(9)), 3))
                    .awaitCompletion(Duration.ofSeconds(30));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", Users.RECEPTION.bearer())
                    .get("/api/petitions/" + id).then().body("status", equalTo("CLOSED")));

            // version 2 arrives last (redriven from a dead-letter topic, or redelivered after a failover)
            kafka.produceStrings().fromRecords(CloudEventRecords.of(Topics.ASSIGNMENT_EVENTS, id, UUID.randomUUID(),
                    new CaseAccepted(id, Department.COURT, on.plusDays(1)), 2)).awaitCompletion(Duration.ofSeconds(30));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", Users.RECEPTION.bearer())
                .get("/api/petitions/" + id).then()
                .body("timeline.type", org.hamcrest.Matchers.hasItem("case.accepted.v1")) // it was received and kept
                .body("status", equalTo("CLOSED"))
                .body("department", equalTo("COURT")));
    }
}
