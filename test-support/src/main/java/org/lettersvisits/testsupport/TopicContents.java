package org.lettersvisits.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Everything a topic holds right now, from its first record to its end, as strings with headers. */
public final class TopicContents {

    private TopicContents() {
    }

    /** Every record of {@code topic} up to the end offsets as they are when called; empty if it does not exist. */
    public static List<ConsumerRecord<String, String>> read(String bootstrapServers, String topic, Duration wait) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "topic-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            var partitions = consumer.partitionsFor(topic, wait);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            if (partitions == null || partitions.isEmpty()) {
                return records;
            }
            List<TopicPartition> assigned = partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            Map<TopicPartition, Long> end = consumer.endOffsets(assigned, wait);
            Instant deadline = Instant.now().plus(wait);
            while (assigned.stream().anyMatch(p -> consumer.position(p, wait) < end.get(p))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("could not read " + topic + " to its end within " + wait);
                }
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            return records;
        }
    }

    /** {@link #read(String, String, Duration)} on the test broker. */
    public static List<ConsumerRecord<String, String>> read(String topic) {
        return read(RealInfrastructure.kafkaBootstrapServers(), topic, Duration.ofSeconds(30));
    }
}
