package org.lettersvisits.assignment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.lettersvisits.assignment.CaseFixtures.assignedCase;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.lettersvisits.contracts.Topics;
import org.lettersvisits.contracts.followup.ReturnVisitCompleted;
import org.lettersvisits.contracts.followup.Satisfaction;
import org.lettersvisits.testsupport.CloudEventRecords;
import org.lettersvisits.testsupport.DeadLetterTopics;
import org.lettersvisits.testsupport.RealInfrastructure;
import org.lettersvisits.testsupport.Users;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * A dissatisfied return visit asked to reopen a case that was not closed (say, a visit recorded against
 * the wrong case): the domain refuses, the event is dead-lettered with the reason, and an administrator
 * sees it. Once the case is closed, a redrive reopens it; a second redrive changes nothing.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class DeadLetterRedriveTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static JsonPath redrive() {
        return given().header("Authorization", Users.ADMIN.bearer()).post("/api/admin/dead-letters/redrive")
                .then().statusCode(200).extract().jsonPath();
    }

    private static String statusOf(UUID eventId) {
        return given().header("Authorization", Users.ADMIN.bearer()).get("/api/admin/dead-letters").then().statusCode(200)
                .extract().jsonPath().getString("items.find { it.eventId == '" + eventId + "' }.status");
    }

    private static long reopenings(UUID caseId) {
        return given().header("Authorization", Users.SUPERVISOR.bearer()).get("/api/cases/" + caseId).then().statusCode(200)
                .extract().jsonPath().getList("history.type", String.class).stream().filter("case.reopened.v1"::equals).count();
    }

    @Test
    void a_refused_reopening_is_dead_lettered_and_a_redrive_after_the_fix_applies_it_once() {
        UUID caseId = assignedCase("COURT");
        CaseLifecycleApiTest.post(Users.JUDGE, caseId, "accept", null, null).statusCode(200);
        UUID visitId = UUID.randomUUID();
        UUID completion = UUID.randomUUID();
        try (KafkaCompanion kafka = RealInfrastructure.kafkaCompanion()) {
            kafka.produceStrings().fromRecords(CloudEventRecords.of(Topics.FOLLOWUP_EVENTS, visitId, completion,
                    new ReturnVisitCompleted(visitId, caseId, LocalDate.of(2026, 11, 2), "Visitor S",
                            Satisfaction.DISSATISFIED, false, "still disputes the amount", true)))
                    .awaitCompletion(WAIT);
        }

        ConsumerRecord<String, String> dead = DeadLetterTopics.readUntil("assignment-service", completion, WAIT).stream()
                .filter(r -> completion.toString().equals(DeadLetterTopics.eventId(r))).findFirst().orElseThrow();
        assertThat(DeadLetterTopics.header(dead, "dead-letter-kind")).isEqualTo("REJECTED");
        assertThat(DeadLetterTopics.header(dead, "dead-letter-reason")).contains("cannot be reopened");
        assertThat(statusOf(completion)).isEqualTo("PENDING");
        assertThat(reopenings(caseId)).isZero();

        CaseLifecycleApiTest.post(Users.JUDGE, caseId, "close",
                Map.of("resolution", "explained the judgment", "closedOn", "2026-11-01"), null).statusCode(200);
        JsonPath first = redrive();

        await().atMost(WAIT).untilAsserted(() -> given().header("Authorization", Users.JUDGE.bearer())
                .get("/api/cases/" + caseId).then().body("status", equalTo("ACCEPTED")));
        assertThat(reopenings(caseId)).isEqualTo(1);
        assertThat(statusOf(completion)).isEqualTo("APPLIED");
        assertThat(first.getInt("applied")).isGreaterThanOrEqualTo(1);
        assertThat(first.getList("stillFailing.eventId")).doesNotContain(completion.toString());

        JsonPath second = redrive();
        assertThat(second.getInt("applied")).isZero();
        assertThat(second.getInt("alreadyApplied")).isEqualTo(first.getInt("alreadyApplied") + first.getInt("applied"));
        assertThat(second.getInt("examined")).isEqualTo(first.getInt("examined"));
        assertThat(reopenings(caseId)).isEqualTo(1);
    }

    @Test
    void only_an_administrator_sees_and_redrives_dead_letters() {
        for (Users user : Users.without(java.util.List.of(Users.ADMIN))) {
            given().header("Authorization", user.bearer()).get("/api/admin/dead-letters").then().statusCode(403);
            given().header("Authorization", user.bearer()).post("/api/admin/dead-letters/redrive").then().statusCode(403);
        }
        given().get("/api/admin/dead-letters").then().statusCode(401);
        given().header("Authorization", Users.ADMIN.bearer()).get("/api/admin/dead-letters").then().statusCode(200)
                .body("topic", equalTo("assignment-service.dead-letters.v3"));
    }
}
