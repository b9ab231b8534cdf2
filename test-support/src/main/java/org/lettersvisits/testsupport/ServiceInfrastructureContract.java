package org.lettersvisits.testsupport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * What every service must show on the real infrastructure: ready with its database and Kafka
 * checks, its schema migrated and writable through its own connection pool, its topic carrying
 * records, and {@code /api} closed to callers without a token. A service's test extends this and
 * is annotated {@code @QuarkusTest} with {@link RealInfrastructure}.
 */
public abstract class ServiceInfrastructureContract {

    @Inject
    Pool pool;

    /** A topic this service publishes to or consumes from. */
    protected abstract String topic();

    /** An {@code /api} path of this service. */
    protected abstract String apiPath();

    @Test
    void readiness_reports_up_with_database_and_kafka_checks() {
        // ready once its consumers have caught up with their partitions: on a busy machine, a few seconds after start
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).untilAsserted(() -> given().when()
                .get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("PostgreSQL")))
                .body("checks.name", hasItem(containsString("Kafka"))));
    }

    @Test
    void a_token_issued_for_another_audience_is_refused() {
        given().header("Authorization", "Bearer " + TestTokens.tokenForAudience("another-api", "leader1", "leader"))
                .get(apiPath()).then().statusCode(401);
        given().header("Authorization", "Bearer " + TestTokens.tokenFor("leader1", "leader"))
                .get(apiPath()).then().statusCode(org.hamcrest.Matchers.not(401));
    }

    @Test
    void migrated_schema_records_a_processed_event_and_reads_it_back() {
        UUID eventId = UUID.randomUUID();
        pool.preparedQuery("INSERT INTO processed_event (subscription, event_id, topic) VALUES ($1, $2, $3)")
                .execute(Tuple.of("contract-test", eventId, topic()))
                .await().atMost(Duration.ofSeconds(10));

        Row row = pool.preparedQuery("SELECT topic, processed_at FROM processed_event WHERE event_id = $1")
                .execute(Tuple.of(eventId))
                .await().atMost(Duration.ofSeconds(10))
                .iterator().next();

        assertThat(row.getString("topic")).isEqualTo(topic());
        assertThat(row.getOffsetDateTime("processed_at")).isNotNull();
    }

    @Test
    void topic_carries_a_record_from_producer_to_consumer() {
        String key = UUID.randomUUID().toString();
        try (KafkaCompanion kafka = RealInfrastructure.kafkaCompanion()) {
            kafka.produceStrings().fromRecords(new ProducerRecord<>(topic(), key, "{\"probe\":true}"))
                    .awaitCompletion(Duration.ofSeconds(30));

            try (ConsumerTask<String, String> consumed = kafka.consumeStrings()
                    .withGroupId("infrastructure-test-" + key)
                    .withOffsetReset(OffsetResetStrategy.EARLIEST)
                    .fromTopics(topic(), records -> records.select().where(r -> key.equals(r.key())))) {
                consumed.awaitRecords(1, Duration.ofSeconds(30));
                assertThat(consumed.getFirstRecord().value()).isEqualTo("{\"probe\":true}");
            }
        }
    }

    @Test
    void api_answers_401_without_a_token() {
        given().when().get(apiPath()).then().statusCode(401);
    }
}
