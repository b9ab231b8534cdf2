package org.lettersvisits.petition.erasure;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.lettersvisits.kafka.KafkaClients;

/**
 * The erasure ledger's topic on Kafka: made (or set) to keep its records for ever ({@code retention.ms=-1}, never
 * compacted), and read from its beginning to its current end. Blocking: call it from a worker thread.
 */
@ApplicationScoped
public class ErasureLedgerTopic {

    private static final Duration WAIT = KafkaClients.WAIT;
    private static final Duration READ_AT_MOST = Duration.ofMinutes(5);
    private static final Map<String, String> KEEP_FOR_EVER = Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1",
            TopicConfig.RETENTION_BYTES_CONFIG, "-1", TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);

    private final KafkaClients kafka;

    ErasureLedgerTopic(KafkaClients kafka) {
        this.kafka = kafka;
    }

    /** Makes the topic, or sets an existing one, to keep every record for ever. */
    public void ensureKeptForEver() {
        kafka.ensureTopic(ErasureLedger.TOPIC, KEEP_FOR_EVER);
    }

    /** Hands every record on the topic now, from its beginning, to {@code handler} (key, value), partition by partition. */
    public void readAll(Consumer<ConsumerRecord<String, String>> handler) {
        try (KafkaConsumer<String, String> consumer = kafka.assignedConsumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(ErasureLedger.TOPIC, WAIT).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, WAIT);
            java.time.Instant deadline = java.time.Instant.now().plus(READ_AT_MOST);
            while (partitions.stream().anyMatch(p -> consumer.position(p, WAIT) < end.get(p))) {
                if (java.time.Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("could not read the erasure ledger to its end within " + READ_AT_MOST);
                }
                consumer.poll(Duration.ofSeconds(1)).forEach(handler);
            }
        }
    }
}
