package org.lettersvisits.messaging;

import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.lettersvisits.contracts.EventEnvelope;
import org.lettersvisits.contracts.Topics;
import org.lettersvisits.messaging.InboundEvents.Delivery;

import io.quarkus.arc.ClientProxy;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * This service's dead-letter topic, {@code <service>.dead-letters}: what is in it, and a redrive that
 * hands every dead letter to the subscription of its original topic again, after a fix. The topic is
 * never changed: a dead letter whose event has since been applied shows as APPLIED, and a redrive
 * passes over it (the processed-event log makes a second application a no-op), so running a redrive
 * twice changes nothing.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    /** One dead letter, where it came from, and why. {@code status} is APPLIED once its event is applied, else PENDING. */
    public record DeadLetter(int partition, long offset, String originalTopic, Integer originalPartition,
            Long originalOffset, String eventId, String type, String source, String kind, String reason,
            OffsetDateTime deadLetteredAt, String status) {
    }

    /** A dead letter a redrive could not apply, and why. */
    public record StillFailing(int partition, long offset, String eventId, String reason) {
    }

    /** What a redrive did. */
    public record RedriveReport(int examined, int applied, int alreadyApplied, int skipped, List<StillFailing> stillFailing) {
    }

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    /** Every {@code kafka.*} setting (bootstrap servers, and SASL/TLS where the cluster asks for them). */
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaSettings;

    @Inject
    @Any
    Instance<Subscription> subscriptions;

    @Inject
    InboundEvents inbound;

    @Inject
    Pool pool;

    public String topic() {
        return Topics.deadLettersOf(service);
    }

    /**
     * Every dead letter of this service, oldest first per partition; APPLIED when the subscription that
     * dead-lettered it has applied its event since.
     */
    public Uni<List<DeadLetter>> list() {
        Subscriptions subscriptions = subscriptions();
        return read().chain(records -> appliedAmong(records).map(applied -> records.stream()
                .map(r -> describe(r, isApplied(r, subscriptions, applied) ? "APPLIED" : "PENDING"))
                .toList()));
    }

    private static boolean isApplied(ConsumerRecord<String, String> letter, Subscriptions subscriptions,
            Set<String> applied) {
        Subscription subscription = subscriptions.of(letter);
        return subscription != null && eventId(letter).map(id -> applied.contains(subscription.name() + "/" + id))
                .orElse(false);
    }

    /** Hands every dead letter to its subscription again, one after another. */
    public Uni<RedriveReport> redrive() {
        Subscriptions subscriptions = subscriptions();
        return read().chain(records -> Multi.createFrom().iterable(records)
                .onItem().transformToUniAndConcatenate(r -> redriveOne(r, subscriptions))
                .collect().asList())
                .map(outcomes -> {
                    List<StillFailing> failing = outcomes.stream().filter(o -> o.failing() != null)
                            .map(Outcome::failing).toList();
                    return new RedriveReport(outcomes.size(), count(outcomes, Delivery.APPLIED),
                            count(outcomes, Delivery.ALREADY_APPLIED), count(outcomes, Delivery.SKIPPED), failing);
                });
    }

    /** The service's subscriptions, by name and by the topics of their {@code @Incoming} channels. */
    private record Subscriptions(Map<String, Subscription> byName, Map<String, Subscription> byTopic) {

        /** The subscription that dead-lettered {@code letter} (named in its headers), else the one reading its topic. */
        Subscription of(ConsumerRecord<String, String> letter) {
            String name = ReceivedRecord.textOf(letter.headers()).get(InboundEvents.DEAD_LETTER_SUBSCRIPTION);
            return name != null && byName.containsKey(name) ? byName.get(name) : byTopic.get(original(letter).topic());
        }
    }

    private Subscriptions subscriptions() {
        Config config = ConfigProvider.getConfig();
        Map<String, Subscription> byName = new HashMap<>();
        Map<String, Subscription> byTopic = new HashMap<>();
        for (Subscription subscription : subscriptions) {
            byName.put(subscription.name(), subscription);
            for (Method method : ClientProxy.unwrap(subscription).getClass().getMethods()) {
                Incoming incoming = method.getAnnotation(Incoming.class);
                if (incoming != null) {
                    byTopic.putIfAbsent(config.getOptionalValue("mp.messaging.incoming." + incoming.value() + ".topic",
                            String.class).orElse(incoming.value()), subscription);
                }
            }
        }
        return new Subscriptions(byName, byTopic);
    }

    private record Outcome(Delivery delivery, StillFailing failing) {
    }

    private static int count(List<Outcome> outcomes, Delivery delivery) {
        return (int) outcomes.stream().filter(o -> o.delivery() == delivery).count();
    }

    private Uni<Outcome> redriveOne(ConsumerRecord<String, String> letter, Subscriptions subscriptions) {
        ReceivedRecord original = original(letter);
        Subscription subscription = subscriptions.of(letter);
        if (subscription == null) {
            return Uni.createFrom().item(failing(letter, "no subscription of " + service + " reads " + original.topic()));
        }
        return inbound.deliver(original, subscription, false)
                .map(delivery -> new Outcome(delivery, null))
                .onFailure().recoverWithItem(f -> failing(letter, f.getMessage()));
    }

    private Outcome failing(ConsumerRecord<String, String> letter, String reason) {
        return new Outcome(null, new StillFailing(letter.partition(), letter.offset(), eventId(letter).map(UUID::toString)
                .orElse(null), reason));
    }

    /** The record as it was before it was dead-lettered: its topic, position, key, value and CloudEvent headers. */
    static ReceivedRecord original(ConsumerRecord<String, String> letter) {
        Map<String, String> headers = ReceivedRecord.textOf(letter.headers());
        Map<String, String> originalHeaders = new LinkedHashMap<>(headers);
        originalHeaders.keySet().removeIf(name -> name.startsWith("dead-letter-"));
        return new ReceivedRecord(headers.getOrDefault("dead-letter-topic", "unknown"),
                parse(headers.get("dead-letter-partition"), -1L).intValue(),
                parse(headers.get("dead-letter-offset"), -1L), letter.key(), letter.value(), originalHeaders);
    }

    private static DeadLetter describe(ConsumerRecord<String, String> letter, String status) {
        Map<String, String> headers = ReceivedRecord.textOf(letter.headers());
        ReceivedRecord original = original(letter);
        return new DeadLetter(letter.partition(), letter.offset(), original.topic(),
                original.partition() < 0 ? null : original.partition(), original.offset() < 0 ? null : original.offset(),
                headers.get(EventEnvelope.header(EventEnvelope.ID)), headers.get(EventEnvelope.header(EventEnvelope.TYPE)),
                headers.get(EventEnvelope.header(EventEnvelope.SOURCE)), headers.get(InboundEvents.DEAD_LETTER_KIND),
                headers.get("dead-letter-reason"),
                OffsetDateTime.ofInstant(Instant.ofEpochMilli(letter.timestamp()), ZoneOffset.UTC), status);
    }

    private static Optional<UUID> eventId(ConsumerRecord<String, String> letter) {
        try {
            return Optional.ofNullable(ReceivedRecord.textOf(letter.headers()).get(EventEnvelope.header(EventEnvelope.ID)))
                    .map(UUID::fromString);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Which of the records' events some subscription applied, as "subscription/event id". */
    private Uni<Set<String>> appliedAmong(List<ConsumerRecord<String, String>> records) {
        UUID[] ids = records.stream().map(DeadLetters::eventId).flatMap(Optional::stream).toArray(UUID[]::new);
        if (ids.length == 0) {
            return Uni.createFrom().item(Set.of());
        }
        return pool.preparedQuery("SELECT subscription, event_id FROM processed_event WHERE event_id = ANY($1)")
                .execute(Tuple.of(ids))
                .map(rows -> {
                    Set<String> applied = new java.util.HashSet<>();
                    for (Row row : rows) {
                        applied.add(row.getString("subscription") + "/" + row.getUUID("event_id"));
                    }
                    return applied;
                });
    }

    /** Reads the whole dead-letter topic with a consumer of its own (no group: nothing is committed). */
    private Uni<List<ConsumerRecord<String, String>>> read() {
        return Uni.createFrom().item(this::readBlocking).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private List<ConsumerRecord<String, String>> readBlocking() {
        Properties config = new Properties();
        config.putAll(kafkaSettings);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, service + "-dead-letter-reader");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic(), READ_TIMEOUT);
            if (partitions == null || partitions.isEmpty()) {
                return records;
            }
            List<TopicPartition> assigned = partitions.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            Map<TopicPartition, Long> end = consumer.endOffsets(assigned, READ_TIMEOUT);
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (assigned.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic() + " within " + READ_TIMEOUT.toSeconds() + " s");
                }
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        records.sort((a, b) -> a.partition() != b.partition() ? Integer.compare(a.partition(), b.partition())
                : Long.compare(a.offset(), b.offset()));
        return records;
    }

    private static Long parse(String text, long fallback) {
        try {
            return text == null ? fallback : Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
