package org.lettersvisits.testsupport;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.lettersvisits.contracts.Topics;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * Reads a service's dead-letter topic in tests. A <em>sentinel</em> (a record of a known type that does
 * not decode) sent after the records under test, on the same key, is dead-lettered once the consumer
 * has decided everything before it on that partition: reading up to the sentinel then shows exactly
 * what was dead-lettered, and what was not, without waiting for a time to pass.
 */
public final class DeadLetterTopics {

    private DeadLetterTopics() {
    }

    /** A record every consumer dead-letters: a known type whose payload is not JSON. */
    public static ProducerRecord<String, String> sentinel(String topic, UUID key, UUID eventId) {
        return CloudEventRecords.raw(topic, key.toString(), eventId.toString(), "case.closed.v1", "{sentinel, not json");
    }

    /** Every record of {@code service}'s dead-letter topic, read until the one with event id {@code until} has arrived. */
    public static List<ConsumerRecord<String, String>> readUntil(String service, UUID until, Duration wait) {
        try (KafkaCompanion kafka = RealInfrastructure.kafkaCompanion();
                ConsumerTask<String, String> records = kafka.consumeStrings().withGroupId("dead-letter-reader-" + UUID.randomUUID())
                        .withOffsetReset(OffsetResetStrategy.EARLIEST).fromTopics(Topics.deadLettersOf(service))) {
            await().atMost(wait).until(() -> records.getRecords().stream().anyMatch(r -> until.toString().equals(eventId(r))));
            return List.copyOf(records.getRecords());
        }
    }

    /** The event id ({@code ce_id}) a record carries, or "" if none. */
    public static String eventId(ConsumerRecord<String, String> record) {
        return header(record, "ce_id");
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
