package org.lettersvisits.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.lettersvisits.contracts.registry.PlatformEvents;
import org.lettersvisits.contracts.EventCodec;
import org.lettersvisits.contracts.EventEnvelope;
import org.lettersvisits.contracts.Topics;

/**
 * Kafka records shaped exactly as the outbox relay sends them (binary CloudEvents from the topic's
 * owner, key = aggregate id), for tests that feed a service the events another service would publish.
 */
public final class CloudEventRecords {

    private static final EventCodec CODEC = PlatformEvents.codec();

    private CloudEventRecords() {
    }

    public static ProducerRecord<String, String> of(String topic, UUID key, Object event) {
        return of(topic, key, UUID.randomUUID(), event);
    }

    /** A record with a given event id, to send the same event twice. */
    public static ProducerRecord<String, String> of(String topic, UUID key, UUID eventId, Object event) {
        EventCodec.Encoded encoded = CODEC.encode(event);
        return raw(topic, key.toString(), eventId.toString(), encoded.type(), encoded.json());
    }

    /** A record that states the aggregate's version after the event, as the relay does. */
    public static ProducerRecord<String, String> of(String topic, UUID key, UUID eventId, Object event, int version) {
        ProducerRecord<String, String> record = of(topic, key, eventId, event);
        record.headers().add(header(EventEnvelope.AGGREGATE_ID, PlatformEvents.aggregateIdOf(event).orElse(key).toString()))
                .add(header(EventEnvelope.AGGREGATE_VERSION, String.valueOf(version)));
        return record;
    }

    /** Any record with CloudEvent headers from the topic's owner, for poison-message tests. */
    public static ProducerRecord<String, String> raw(String topic, String key, String eventId, String type, String value) {
        return from(Topics.ownerOf(topic).orElse("test"), topic, key, eventId, type, value);
    }

    /** Any record with CloudEvent headers from {@code source}, e.g. one that does not own the topic. */
    public static ProducerRecord<String, String> from(String source, String topic, String key, String eventId, String type,
            String value) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(header(EventEnvelope.SPEC_VERSION, "1.0"));
        headers.add(header(EventEnvelope.ID, eventId));
        headers.add(header(EventEnvelope.TYPE, type));
        headers.add(header(EventEnvelope.SOURCE, source));
        headers.add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(topic, null, key, value, headers);
    }

    private static org.apache.kafka.common.header.internals.RecordHeader header(String attribute, String value) {
        return new org.apache.kafka.common.header.internals.RecordHeader(EventEnvelope.header(attribute),
                value.getBytes(StandardCharsets.UTF_8));
    }
}
