package org.lettersvisits.petition.erasure;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.lettersvisits.contracts.Topics;

import io.smallrye.common.annotation.Identifier;

/**
 * The erasure ledger's topic on Kafka: made (or set) to keep its records for ever ({@code retention.ms=-1}, never
 * compacted), and read from its beginning to its current end. Blocking: call it from a worker thread.
 */
@ApplicationScoped
public class ErasureLedgerTopic {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Duration READ_AT_MOST = Duration.ofMinutes(5);
    private static final Map<String, String> KEEP_FOR_EVER = Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1",
            TopicConfig.RETENTION_BYTES_CONFIG, "-1", TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);

    /** Every {@code kafka.*} setting: the bootstrap servers, and SASL/TLS where the cluster asks for them. */
    private final Map<String, Object> kafkaSettings;

    ErasureLedgerTopic(@Identifier("default-kafka-broker") Map<String, Object> kafkaSettings) {
        this.kafkaSettings = kafkaSettings;
    }

    /** The {@code kafka.*} settings a client of {@code names} knows, then {@code own}. */
    private Map<String, Object> settings(Set<String> names, Map<String, Object> own) {
        Map<String, Object> all = new HashMap<>();
        kafkaSettings.forEach((key, value) -> {
            if (names.contains(key)) {
                all.put(key, value);
            }
        });
        all.putAll(own);
        return all;
    }

    /** Makes the topic, or sets an existing one, to keep every record for ever. */
    public void ensureKeptForEver() {
        try (Admin admin = Admin.create(settings(AdminClientConfig.configNames(), Map.of(
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) WAIT.toMillis(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) WAIT.toMillis())))) {
            try {
                admin.createTopics(List.of(new NewTopic(ErasureLedger.TOPIC, Optional.of(Topics.PARTITIONS), Optional.empty())
                        .configs(KEEP_FOR_EVER))).all().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("cannot make the erasure ledger topic: " + e.getCause().getMessage(), e);
                }
                Collection<AlterConfigOp> keep = KEEP_FOR_EVER.entrySet().stream()
                        .map(c -> new AlterConfigOp(new ConfigEntry(c.getKey(), c.getValue()), AlterConfigOp.OpType.SET)).toList();
                admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, ErasureLedger.TOPIC), keep))
                        .all().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot set the erasure ledger topic to keep its records: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Hands every record on the topic now, from its beginning, to {@code handler} (key, value), partition by partition. */
    public void readAll(Consumer<ConsumerRecord<String, String>> handler) {
        Properties properties = new Properties();
        properties.putAll(settings(ConsumerConfig.configNames(), Map.of()));
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG); // read by assignment, no consumer group
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) WAIT.toMillis());
        properties.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) WAIT.toMillis());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new StringDeserializer())) {
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
