package org.lettersvisits.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.lettersvisits.contracts.EventCodec;

/**
 * Kafka records shaped exactly as the outbox relay sends them (binary CloudEvents, key = aggregate
 * id), for tests that feed a service the events another service would publish.
 */
public final class CloudEventRecords {

    private static final EventCodec CODEC = EventCodec.platform();

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

    /** Any record with CloudEvent headers, for poison-message tests. */
    public static ProducerRecord<String, String> raw(String topic, String key, String eventId, String type, String value) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_id", eventId.getBytes(StandardCharsets.UTF_8));
        headers.add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        headers.add("ce_source", "test".getBytes(StandardCharsets.UTF_8));
        headers.add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(topic, null, key, value, headers);
    }
}
