package org.lettersvisits.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.lettersvisits.contracts.Department;
import org.lettersvisits.contracts.EventEnvelope;
import org.lettersvisits.contracts.Topics;
import org.lettersvisits.contracts.assignment.CaseClosed;
import org.lettersvisits.testsupport.CloudEventRecords;
import org.lettersvisits.testsupport.RealInfrastructure;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * A closure that arrives in a trace schedules its return visit in that trace: the consumer's span, the
 * relay's send of {@code ReturnVisitScheduled} and the record's {@code traceparent} share its trace id,
 * and the new event keeps the closure's correlation id (it is not minted anew at every hop).
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class TraceTest {

    /** Every span this service finished, in memory (test-support's RecordedSpans). */
    @Inject
    InMemorySpanExporter spans;

    private final Duration wait = Duration.ofSeconds(60);

    @Test
    void the_return_visit_a_closure_schedules_continues_the_closures_trace_and_correlation_id() {
        UUID caseId = UUID.randomUUID();
        String traceId = UUID.randomUUID().toString().replace("-", "");
        UUID correlationId = UUID.randomUUID();
        ProducerRecord<String, String> closure = CloudEventRecords.of(Topics.ASSIGNMENT_EVENTS, caseId, UUID.randomUUID(),
                new CaseClosed(caseId, "XF-2026-" + caseId.toString().substring(0, 5), Department.COURT,
                        "resolved according to law", LocalDate.of(2026, 11, 20)));
        closure.headers().add("traceparent", ("00-" + traceId + "-b7ad6b7169203331-01").getBytes(StandardCharsets.UTF_8))
                .add(EventEnvelope.header(EventEnvelope.CORRELATION_ID), correlationId.toString().getBytes(StandardCharsets.UTF_8));

        ConsumerRecord<String, String> scheduled;
        try (KafkaCompanion kafka = RealInfrastructure.kafkaCompanion();
                ConsumerTask<String, String> records = kafka.consumeStrings().withGroupId("trace-test-" + System.nanoTime())
                        .withOffsetReset(OffsetResetStrategy.EARLIEST)
                        .fromTopics(Topics.FOLLOWUP_EVENTS, r -> r.select().where(rec -> caseId.toString().equals(rec.key())))) {
            kafka.produceStrings().fromRecords(closure).awaitCompletion(wait);
            records.awaitRecords(1, wait);
            scheduled = records.getRecords().get(0);
        }

        assertThat(header(scheduled, EventEnvelope.header(EventEnvelope.TYPE))).isEqualTo("return-visit.scheduled.v1");
        assertThat(header(scheduled, "traceparent")).startsWith("00-" + traceId + "-");
        assertThat(header(scheduled, EventEnvelope.header(EventEnvelope.CORRELATION_ID))).isEqualTo(correlationId.toString());
        await().atMost(wait).untilAsserted(() -> {
            assertThat(spansOf(traceId, SpanKind.CONSUMER)).as("the consumer's span of the closure")
                    .anySatisfy(span -> assertThat(span.getName()).contains(Topics.ASSIGNMENT_EVENTS));
            assertThat(spansOf(traceId, SpanKind.PRODUCER)).as("the relay's send of the return visit")
                    .anySatisfy(span -> assertThat(span.getName()).contains(Topics.FOLLOWUP_EVENTS));
        });
    }

    private List<SpanData> spansOf(String traceId, SpanKind kind) {
        return spans.getFinishedSpanItems().stream()
                .filter(span -> span.getTraceId().equals(traceId) && span.getKind() == kind).toList();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
