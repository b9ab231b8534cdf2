package org.lettersvisits.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.lettersvisits.contracts.Department;
import org.lettersvisits.contracts.Topics;
import org.lettersvisits.contracts.assignment.CaseAssigned;
import org.lettersvisits.contracts.assignment.CaseTransferred;
import org.lettersvisits.contracts.assignment.Difficulty;
import org.lettersvisits.testsupport.CloudEventRecords;
import org.lettersvisits.testsupport.DeadLetterTopics;
import org.lettersvisits.testsupport.RealInfrastructure;
import org.lettersvisits.testsupport.ScrapedMetrics;
import org.lettersvisits.testsupport.Users;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * Whoever can write to one service's topic cannot speak for another: a {@code CaseTransferred} (assignment-service's
 * event) written onto petition-service's topic, with petition-service's own source, moves no case. It goes to the dead
 * letters as FOREIGN_TYPE and is counted.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class ForgedEventsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static ValidatableResponse summary() {
        return given().header("Authorization", Users.LEADER.bearer())
                .get("/api/reports/summary?from=2007-01-01&to=2007-12-31").then().statusCode(200);
    }

    @Test
    void a_transfer_forged_on_petition_services_topic_changes_nothing_and_is_counted() {
        UUID id = UUID.randomUUID();
        LocalDate day = LocalDate.of(2007, 5, 6);
        UUID forgery = UUID.randomUUID();
        UUID sentinel = UUID.randomUUID();
        double before = Math.max(0, ScrapedMetrics.scrape().sum("lettersvisits_dead_letters_total", Map.of("kind", "FOREIGN_TYPE")));
        try (KafkaCompanion kafka = RealInfrastructure.kafkaCompanion()) {
            kafka.produceStrings().fromRecords(List.of(CloudEventRecords.of(Topics.ASSIGNMENT_EVENTS, id, UUID.randomUUID(),
                    new CaseAssigned(id, id, "XF-2007-" + id.toString().substring(0, 5), "dispute", Department.COURT,
                            "Leader L", Difficulty.ROUTINE, day, day.plusDays(90)), 1))).awaitCompletion(WAIT);
        }
        await().atMost(WAIT).untilAsserted(() -> summary().body("total.received", equalTo(1)));

        try (KafkaCompanion kafka = RealInfrastructure.kafkaCompanion()) {
            kafka.produceStrings().fromRecords(List.of(
                    CloudEventRecords.of(Topics.PETITION_EVENTS, id, forgery, new CaseTransferred(id, Department.COURT,
                            Department.PUBLIC_SECURITY, null, day.plusDays(1)), 2),
                    DeadLetterTopics.sentinel(Topics.PETITION_EVENTS, id, sentinel))).awaitCompletion(WAIT);
        }

        ConsumerRecord<String, String> dead = DeadLetterTopics.readUntil("reporting-service", forgery, WAIT).stream()
                .filter(r -> forgery.toString().equals(DeadLetterTopics.eventId(r))).findFirst().orElseThrow();
        assertThat(DeadLetterTopics.header(dead, "dead-letter-kind")).isEqualTo("FOREIGN_TYPE");
        await().atMost(WAIT).untilAsserted(() -> assertThat(ScrapedMetrics.scrape().sum("lettersvisits_dead_letters_total",
                Map.of("kind", "FOREIGN_TYPE"))).isEqualTo(before + 1));
        summary().body("departments.find { it.department == 'COURT' }.received", equalTo(1))
                .body("departments.find { it.department == 'PUBLIC_SECURITY' }.received", equalTo(0));
    }
}
