package org.lettersvisits.messaging;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/**
 * A Kafka record exactly as it arrived: where it came from, its key, its value and its headers.
 * Live consumption and a redrive from the dead-letter topic both start from one of these.
 */
public record ReceivedRecord(String topic, int partition, long offset, String key, String value,
        Map<String, String> headers) {

    public static ReceivedRecord of(Message<String> message) {
        IncomingKafkaRecordMetadata<?, ?> kafka = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new IllegalStateException("not a Kafka record"));
        return new ReceivedRecord(kafka.getTopic(), kafka.getPartition(), kafka.getOffset(),
                kafka.getKey() == null ? null : kafka.getKey().toString(), message.getPayload(), textOf(kafka.getHeaders()));
    }

    /** The headers as text, the last value of each name winning (CloudEvent attributes appear once). */
    public static Map<String, String> textOf(Headers headers) {
        Map<String, String> text = new LinkedHashMap<>();
        if (headers != null) {
            for (Header header : headers) {
                text.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        return text;
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name)).filter(v -> !v.isBlank());
    }

    /** Where the record sits, e.g. {@code assignment-events-1@42}. */
    public String position() {
        return topic + "-" + partition + "@" + offset;
    }
}
