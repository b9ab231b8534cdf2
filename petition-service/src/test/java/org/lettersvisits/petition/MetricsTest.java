package org.lettersvisits.petition;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.lettersvisits.petition.PetitionBodies.visit;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lettersvisits.contracts.Department;
import org.lettersvisits.contracts.Topics;
import org.lettersvisits.contracts.assignment.CaseAssigned;
import org.lettersvisits.contracts.assignment.Difficulty;
import org.lettersvisits.testsupport.CloudEventRecords;
import org.lettersvisits.testsupport.RealInfrastructure;
import org.lettersvisits.testsupport.ScrapedMetrics;
import org.lettersvisits.testsupport.Users;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** /q/metrics, open like /q/health, shows commands, the outbox, the consumers and HTTP after real work. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class MetricsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void a_registration_and_a_case_event_show_in_the_metrics() {
        double before = ScrapedMetrics.scrape().sum("lettersvisits_commands_seconds_count",
                Map.of("command", "RegisterPetition", "outcome", "recorded"));
        String id = given().header("Authorization", Users.RECEPTION.bearer()).contentType(ContentType.JSON).body(visit())
                .post("/api/petitions").then().statusCode(201).extract().path("id");
        given().header("Authorization", Users.RECEPTION.bearer()).contentType(ContentType.JSON).body(Map.of())
                .post("/api/petitions/" + UUID.randomUUID() + "/visits").then().statusCode(404);
        UUID caseId = UUID.fromString(id);
        try (KafkaCompanion kafka = RealInfrastructure.kafkaCompanion()) {
            kafka.produceStrings().fromRecords(CloudEventRecords.of(Topics.ASSIGNMENT_EVENTS, caseId, new CaseAssigned(caseId,
                    caseId, "XF", "subject", Department.COURT, "Vice President Li", Difficulty.ROUTINE,
                    LocalDate.of(2026, 10, 15), LocalDate.of(2026, 11, 14)))).awaitCompletion(WAIT);
        }

        await().atMost(WAIT).untilAsserted(() -> {
            ScrapedMetrics metrics = ScrapedMetrics.scrape();
            assertThat(metrics.sum("lettersvisits_commands_seconds_count", Map.of("command", "RegisterPetition",
                    "outcome", "recorded"))).isGreaterThanOrEqualTo(Math.max(before, 0) + 1);
            assertThat(metrics.sum("lettersvisits_commands_seconds_count", Map.of("command", "RecordRepeatVisit",
                    "outcome", "rejected_not_found"))).isGreaterThanOrEqualTo(1);
            assertThat(metrics.sum("lettersvisits_consumer_events_total", Map.of("subscription", "case-progress",
                    "result", "applied"))).isGreaterThanOrEqualTo(1);
            assertThat(metrics.sum("lettersvisits_outbox_backlog")).isGreaterThanOrEqualTo(0);
            assertThat(metrics.sum("lettersvisits_outbox_oldest_age_seconds")).isGreaterThanOrEqualTo(0);
            assertThat(metrics.sum("http_server_requests_seconds_count", Map.of("uri", "/api/petitions", "method", "POST")))
                    .isGreaterThanOrEqualTo(1);
            assertThat(metrics.has("kafka_consumer_")).as("the Kafka clients' own metrics, lag included").isTrue();
        });
    }
}
