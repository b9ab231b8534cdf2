package org.lettersvisits.followup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lettersvisits.contracts.Topics;
import org.lettersvisits.testsupport.DeadLetterTopics;
import org.lettersvisits.testsupport.RealInfrastructure;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * A closure that arrives while followup's database refuses connections (an operator took it out of
 * service, a failover) is retried in place until the database is back: the return visit is scheduled,
 * nothing is dead-lettered, and meanwhile readiness says which consumer is stuck and why.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class DatabaseOutageTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private static String eventConsumersCheck() {
        return "checks.find { it.name == 'event consumers' }";
    }

    @Test
    void a_closure_arriving_while_the_database_refuses_connections_is_retried_not_dead_lettered() {
        UUID caseId = UUID.randomUUID();
        UUID closing = UUID.randomUUID();
        RealInfrastructure.refuseConnections();
        try {
            ReturnVisitApiTest.close(caseId, LocalDate.of(2026, 11, 23), closing);
            await().atMost(WAIT).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(503)
                    .body(eventConsumersCheck() + ".status", equalTo("DOWN"))
                    .body(eventConsumersCheck() + ".data.'" + Topics.ASSIGNMENT_EVENTS + "'",
                            containsString("not currently accepting connections")));
            given().get("/q/health/live").then().statusCode(200);
        } finally {
            RealInfrastructure.allowConnections();
        }

        assertThat(ReturnVisitApiTest.visitsOf(caseId, 1).getString("items[0].closedOn")).isEqualTo("2026-11-23");
        await().atMost(WAIT).untilAsserted(() -> given().get("/q/health/ready").then()
                .body(eventConsumersCheck() + ".status", equalTo("UP")));

        UUID sentinel = UUID.randomUUID();
        try (KafkaCompanion kafka = RealInfrastructure.kafkaCompanion()) {
            kafka.produceStrings().fromRecords(DeadLetterTopics.sentinel(Topics.ASSIGNMENT_EVENTS, caseId, sentinel))
                    .awaitCompletion(WAIT);
        }
        assertThat(DeadLetterTopics.readUntil("followup-service", sentinel, WAIT))
                .extracting(DeadLetterTopics::eventId).doesNotContain(closing.toString());
    }
}
