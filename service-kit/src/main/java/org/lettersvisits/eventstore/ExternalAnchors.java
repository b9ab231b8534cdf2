package org.lettersvisits.eventstore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.lettersvisits.contracts.EventCodec;
import org.lettersvisits.contracts.Topics;
import org.lettersvisits.kafka.KafkaClients;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.quarkus.arc.properties.IfBuildProperty;

/**
 * The anchors of this service's event log as they were published on {@link Topics#EVENT_ANCHORS}, outside the
 * database: read from the topic's beginning to its end, this service's records only. Blocking: call it from a worker
 * thread.
 */
@ApplicationScoped
@IfBuildProperty(name = "eventstore.outbox.enabled", stringValue = "true", enableIfMissing = true)
public class ExternalAnchors {

    /** Anchors are kept for ever: the topic deletes nothing. */
    static final Map<String, String> TOPIC_SETTINGS = Map.of("retention.ms", "-1", "retention.bytes", "-1",
            "cleanup.policy", "delete");

    @Inject
    KafkaClients kafka;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    /** Every anchor this service published, by id; those that do not read as anchors are counted in {@link Read}. */
    public Read read() {
        try (KafkaConsumer<String, String> consumer = kafka.assignedConsumer()) {
            List<PartitionInfo> partitions = consumer.partitionsFor(Topics.EVENT_ANCHORS, KafkaClients.WAIT);
            if (partitions == null || partitions.isEmpty()) {
                return new Read(List.of(), 0);
            }
            List<TopicPartition> assigned = partitions.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            Map<TopicPartition, Long> end = consumer.endOffsets(assigned, KafkaClients.WAIT);
            List<Anchor> anchors = new ArrayList<>();
            int unreadable = 0;
            long deadline = System.nanoTime() + KafkaClients.WAIT.toNanos();
            while (assigned.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + Topics.EVENT_ANCHORS + " to its end in time");
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (!service.equals(record.key()) || record.value() == null) {
                        continue;
                    }
                    try {
                        anchors.add(EventCodec.JSON.readValue(record.value(), Anchor.class));
                    } catch (JsonProcessingException e) {
                        unreadable++;
                    }
                }
            }
            anchors.sort(Comparator.comparingLong(Anchor::id));
            return new Read(anchors, unreadable);
        }
    }

    /** What the topic holds for this service. */
    public record Read(List<Anchor> anchors, int unreadable) {
    }
}
