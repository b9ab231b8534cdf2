package org.lettersvisits.kafka;

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

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.lettersvisits.contracts.Topics;

import io.smallrye.common.annotation.Identifier;

/**
 * Plain Kafka clients beside the messaging channels, with the service's {@code kafka.*} settings (the bootstrap
 * servers, and SASL/TLS where the cluster asks for them): a topic made or set with the settings it must keep, and a
 * consumer that reads by assignment, in no consumer group. Blocking: use them from a worker thread.
 */
@ApplicationScoped
public class KafkaClients {

    public static final Duration WAIT = Duration.ofSeconds(15);

    private final Map<String, Object> kafkaSettings;

    public KafkaClients(@Identifier("default-kafka-broker") Map<String, Object> kafkaSettings) {
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

    /** Makes {@code topic} with {@code configs}, or sets them on the topic that exists. */
    public void ensureTopic(String topic, Map<String, String> configs) {
        try (Admin admin = Admin.create(settings(AdminClientConfig.configNames(), Map.of(
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) WAIT.toMillis(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) WAIT.toMillis())))) {
            try {
                admin.createTopics(List.of(new NewTopic(topic, Optional.of(Topics.PARTITIONS), Optional.empty())
                        .configs(configs))).all().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("cannot make the topic " + topic + ": " + e.getCause().getMessage(), e);
                }
                Collection<AlterConfigOp> set = configs.entrySet().stream()
                        .map(c -> new AlterConfigOp(new ConfigEntry(c.getKey(), c.getValue()), AlterConfigOp.OpType.SET)).toList();
                admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, topic), set))
                        .all().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot set up the topic " + topic + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** A consumer of strings that reads partitions it is assigned, commits nothing and belongs to no group. */
    public KafkaConsumer<String, String> assignedConsumer() {
        Properties properties = new Properties();
        properties.putAll(settings(ConsumerConfig.configNames(), Map.of()));
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) WAIT.toMillis());
        properties.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) WAIT.toMillis());
        return new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
    }
}
