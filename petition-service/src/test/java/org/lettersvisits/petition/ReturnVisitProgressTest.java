package org.lettersvisits.petition;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.lettersvisits.petition.PetitionBodies.visit;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lettersvisits.contracts.Department;
import org.lettersvisits.contracts.Topics;
import org.lettersvisits.contracts.followup.ReturnVisitCompleted;
import org.lettersvisits.contracts.followup.ReturnVisitScheduled;
import org.lettersvisits.contracts.followup.Satisfaction;
import org.lettersvisits.testsupport.CloudEventRecords;
import org.lettersvisits.testsupport.RealInfrastructure;
import org.lettersvisits.testsupport.Users;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** A petition's timeline shows its return visits as followup-service's events arrive on followup-events. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class ReturnVisitProgressTest {

    @Test
    void the_return_visits_of_a_petition_show_in_its_timeline_under_their_type_names() {
        UUID id = UUID.fromString(given().header("Authorization", Users.RECEPTION.bearer()).contentType(ContentType.JSON)
                .body(visit()).post("/api/petitions").then().statusCode(201).extract().path("id"));
        UUID visitId = UUID.randomUUID();
        try (KafkaCompanion kafka = RealInfrastructure.kafkaCompanion()) {
            kafka.produceStrings().fromRecords(
                    CloudEventRecords.of(Topics.FOLLOWUP_EVENTS, id, UUID.randomUUID(), new ReturnVisitScheduled(visitId, id,
                            "XF", Department.COURT, LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 16))),
                    CloudEventRecords.of(Topics.FOLLOWUP_EVENTS, id, UUID.randomUUID(), new ReturnVisitCompleted(visitId, id,
                            LocalDate.of(2026, 11, 10), "Officer Li", Satisfaction.SATISFIED, true, "content", false)))
                    .awaitCompletion(Duration.ofSeconds(30));
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", Users.RECEPTION.bearer())
                .get("/api/petitions/" + id).then().statusCode(200)
                .body("timeline.type", containsInAnyOrder("petition.registered-sealed.v1", "return-visit.scheduled.v1",
                        "return-visit.completed.v1"))
                .body("timeline.find { it.type == 'return-visit.scheduled.v1' }.facts.dueBy", equalTo("2026-11-16"))
                .body("timeline.find { it.type == 'return-visit.completed.v1' }.detail", equalTo(
                        "visitedOn: 2026-11-10, visitor: Officer Li, satisfaction: SATISFIED, petitionerWithdraws: true, reopen: false, notes: content"))
                .body("timeline.find { it.type == 'return-visit.completed.v1' }.facts.visitedOn", equalTo("2026-11-10")));
    }
}
