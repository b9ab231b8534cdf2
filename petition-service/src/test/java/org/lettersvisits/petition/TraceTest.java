package org.lettersvisits.petition;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.lettersvisits.petition.PetitionBodies.visit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.junit.jupiter.api.Test;
import org.lettersvisits.contracts.EventEnvelope;
import org.lettersvisits.contracts.Topics;
import org.lettersvisits.testsupport.RealInfrastructure;
import org.lettersvisits.testsupport.Users;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * A registration's trace goes on through the outbox: the relay publishes the event later, from its own
 * timer, yet the Kafka producer span and the record's {@code traceparent} belong to the request's trace,
 * and the record carries the request's correlation id.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class TraceTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    InMemorySpanExporter spans;

    @Test
    void the_published_registration_continues_the_requests_trace_and_correlation_id() {
        ExtractableResponse<Response> registered = given().header("Authorization", Users.RECEPTION.bearer())
                .contentType(ContentType.JSON).body(visit()).post("/api/petitions").then().statusCode(201).extract();
        String petitionId = registered.path("id");
        String correlationId = registered.header("X-Correlation-Id");
        assertThat(correlationId).as("the response names its correlation id").isNotBlank();

        ConsumerRecord<String, String> record = publishedRegistrationOf(petitionId);
        String traceParent = header(record, "traceparent");
        assertThat(traceParent).as("the record carries a W3C traceparent").matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        String traceId = traceParent.substring(3, 35);
        assertThat(header(record, EventEnvelope.header(EventEnvelope.CORRELATION_ID))).isEqualTo(correlationId);

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(spansOf(traceId, SpanKind.SERVER)).as("the request's server span")
                    .anySatisfy(span -> assertThat(span.getName()).contains("POST").contains("/api/petitions"));
            assertThat(spansOf(traceId, SpanKind.PRODUCER)).as("the relay's send, in the same trace")
                    .anySatisfy(span -> assertThat(span.getName()).contains(Topics.PETITION_EVENTS));
        });
    }

    @Test
    void a_callers_trace_and_correlation_id_are_continued() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        UUID correlationId = UUID.randomUUID();
        String petitionId = given().header("Authorization", Users.RECEPTION.bearer())
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .header("X-Correlation-Id", correlationId.toString())
                .contentType(ContentType.JSON).body(visit()).post("/api/petitions").then().statusCode(201)
                .header("X-Correlation-Id", correlationId.toString()).extract().path("id");

        ConsumerRecord<String, String> record = publishedRegistrationOf(petitionId);
        assertThat(header(record, "traceparent")).startsWith("00-" + traceId + "-");
        assertThat(header(record, EventEnvelope.header(EventEnvelope.CORRELATION_ID))).isEqualTo(correlationId.toString());
    }

    private java.util.List<SpanData> spansOf(String traceId, SpanKind kind) {
        return spans.getFinishedSpanItems().stream()
                .filter(span -> span.getTraceId().equals(traceId) && span.getKind() == kind).toList();
    }

    private static ConsumerRecord<String, String> publishedRegistrationOf(String petitionId) {
        try (KafkaCompanion kafka = RealInfrastructure.kafkaCompanion();
                ConsumerTask<String, String> records = kafka.consumeStrings().withGroupId("trace-test-" + System.nanoTime())
                        .withOffsetReset(OffsetResetStrategy.EARLIEST)
                        .fromTopics(Topics.PETITION_EVENTS, r -> r.select().where(rec -> petitionId.equals(rec.key())))) {
            records.awaitRecords(1, WAIT);
            return records.getRecords().get(0);
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
