package org.lettersvisits.platform;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.lettersvisits.contracts.EventCodec;
import org.lettersvisits.contracts.Topics;
import org.lettersvisits.contracts.registry.PersonalTexts;
import org.lettersvisits.contracts.registry.PlatformEvents;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Retires the topic versions that may still hold personal data ({@link Topics#retired()}), once the services of this
 * version run. Each retired dead-letter topic ({@code <service>.dead-letters}, {@code <service>.dead-letters.v2}) is
 * copied onto its successor ({@link Topics#deadLettersOf}) and deleted: every petition event is read as the current
 * public version (which carries no petitioner), every value loses the free text written about a petitioner in clear
 * ({@link PersonalTexts#FIELDS}; sealed text is kept), and a value that does not read is emptied, each change named in
 * a header. Each retired event topic ({@code petition-events}, {@code petition-events.v2}, {@code assignment-events},
 * {@code followup-events}) is deleted once the service that owns its successor says, in its own database, that it
 * re-published its history onto the successor ({@code topic_republication.finished_at}) and its outbox holds nothing
 * more for the successor or the versions it replaces. Safe to run again, and a run cut short is simply run again: what was copied before is not copied
 * twice, a topic already gone is skipped, a topic whose republication has not finished is kept for the next run.
 */
public final class RetiredTopics {

    static final String REDACTED_HEADER = "dead-letter-redacted";
    /** Names the free-text fields a copied dead letter lost (the names only, never their values). */
    static final String FREE_TEXT_REMOVED_HEADER = "dead-letter-free-text-removed";
    /** How a sealed free text starts (service-kit's {@code SealedText}); anything else in those fields is in clear. */
    static final String SEALED_PREFIX = "sealed:v1:";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final PlatformSettings settings;
    private final PrintStream out;
    private final EventCodec codec = PlatformEvents.codec();

    public RetiredTopics(PlatformSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    /**
     * What deleting a retired event topic waits for: {@code owner} (whose database is {@code database}) re-published
     * its history onto {@code successor}.
     */
    record Republication(String retired, String successor, String owner, String database) {
    }

    /**
     * Retires what is left to retire, waiting at most {@code republicationTimeout} in all for the owners'
     * republications; the topics deleted.
     */
    public List<String> retire(Duration republicationTimeout) throws Exception {
        List<String> deleted = new ArrayList<>();
        Instant deadline = Instant.now().plus(republicationTimeout);
        try (Admin admin = settings.kafkaAdmin()) {
            Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            for (Map.Entry<String, String> topic : Topics.retired().entrySet()) {
                String retired = topic.getKey();
                if (!existing.contains(retired)) {
                    continue;
                }
                if (isDeadLetterTopic(topic.getValue())) {
                    int copied = copyDeadLetters(retired, topic.getValue());
                    out.printf("copied %d dead letters from %s to %s%n", copied, retired, topic.getValue());
                } else {
                    Republication republication = republicationOf(retired);
                    Optional<String> notYet = awaitRepublished(republication, deadline);
                    if (notYet.isPresent()) {
                        out.printf("kept %s: %s; run ./platform up again%n", retired, notYet.get());
                        continue;
                    }
                }
                admin.deleteTopics(List.of(retired)).all().get(30, TimeUnit.SECONDS);
                out.println("deleted retired topic " + retired);
                deleted.add(retired);
            }
        }
        return deleted;
    }

    private static boolean isDeadLetterTopic(String topic) {
        return Topics.CONSUMING_SERVICES.stream().map(Topics::deadLettersOf).anyMatch(topic::equals);
    }

    /** Whose republication the retired event topic {@code retired} waits for, and in which database it is recorded. */
    Republication republicationOf(String retired) {
        String successor = Topics.retired().get(retired);
        if (successor == null || !Topics.ALL.contains(successor)) {
            throw new IllegalArgumentException(retired + " is not a retired event topic");
        }
        String owner = Topics.ownerOf(successor).orElseThrow();
        String database = settings.services().stream().filter(service -> service.module().equals(owner)).findFirst()
                .map(PlatformSettings.Service::database)
                .orElseThrow(() -> new IllegalStateException(owner + ", the owner of " + successor + ", is not run here"));
        return new Republication(retired, successor, owner, database);
    }

    /** Empty once {@code republication} finished, by {@code deadline} at the latest; else why not yet. */
    private Optional<String> awaitRepublished(Republication republication, Instant deadline) throws InterruptedException {
        String what = republication.owner() + "'s re-publication onto " + republication.successor();
        try {
            Duration left = Duration.between(Instant.now(), deadline);
            Polling.until(what, left.isNegative() ? Duration.ZERO : left, Duration.ofMillis(500),
                    () -> republished(republication));
            return Optional.empty();
        } catch (IllegalStateException notYet) {
            return Optional.of(republication.owner() + " has not finished re-publishing onto " + republication.successor()
                    + " yet");
        } catch (IOException unanswered) {
            return Optional.of(unanswered.getMessage());
        }
    }

    /**
     * Whether the owner's database says the history was re-published onto the successor (its republication finished)
     * and its outbox holds nothing more for the successor, nor for a version it replaces (a row an instance of the
     * version before queued, which its relay could not publish once the topic is gone).
     */
    boolean republished(Republication republication) throws IOException {
        try (Connection connection = LocalDatabase.superuserConnection(settings, republication.database());
                PreparedStatement query = connection.prepareStatement("""
                        SELECT EXISTS (SELECT 1 FROM topic_republication WHERE topic = ? AND finished_at IS NOT NULL)
                           AND NOT EXISTS (SELECT 1 FROM outbox WHERE topic = ANY (?))""")) {
            List<String> topics = new ArrayList<>(List.of(republication.successor()));
            topics.addAll(Topics.replacedBy(republication.successor()));
            query.setString(1, republication.successor());
            query.setArray(2, connection.createArrayOf("text", topics.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() && rows.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IOException("cannot ask " + republication.owner() + "'s database whether it re-published onto "
                    + republication.successor() + ": " + e.getMessage(), e);
        }
    }

    private int copyDeadLetters(String from, String to) throws InterruptedException, ExecutionException, TimeoutException {
        Set<String> alreadyCopied = new HashSet<>();
        for (ConsumerRecord<byte[], byte[]> record : readAll(settings, to)) {
            alreadyCopied.add(identity(record));
        }
        int copied = 0;
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (ConsumerRecord<byte[], byte[]> record : readAll(settings, from)) {
                if (alreadyCopied.add(identity(record))) {
                    producer.send(withoutPersonalData(to, record)).get(30, TimeUnit.SECONDS);
                    copied++;
                }
            }
        }
        return copied;
    }

    /**
     * The dead letter as it goes onto {@code to}: a petition event read as its current public version, then without
     * the free text written in clear; a value that does not read (as that event, or as a JSON object) is emptied.
     */
    ProducerRecord<byte[], byte[]> withoutPersonalData(String to, ConsumerRecord<byte[], byte[]> record) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            headers.add(header.key(), header.value());
        }
        String type = header(record, "ce_type");
        String topic = header(record, "dead-letter-topic");
        if (Topics.retired().containsKey(topic)) {
            replace(headers, "dead-letter-topic", Topics.retired().get(topic));
        }
        byte[] value = record.value();
        if (value != null && value.length > 0) {
            String unreadable = null;
            if (type.startsWith("petition.")) {
                try {
                    EventCodec.Encoded current = codec.encode(codec.decode(type, new String(value, StandardCharsets.UTF_8)));
                    value = current.json().getBytes(StandardCharsets.UTF_8);
                    replace(headers, "ce_type", current.type());
                } catch (IllegalArgumentException notThatEvent) {
                    unreadable = "did not read";
                }
            }
            if (unreadable == null) {
                Optional<FreeTextRemoved> stripped = withoutFreeTextInClear(value);
                if (stripped.isEmpty()) {
                    unreadable = "did not read as a JSON object";
                } else if (!stripped.get().fields().isEmpty()) {
                    value = stripped.get().value();
                    headers.add(FREE_TEXT_REMOVED_HEADER, ("free text in clear (" + String.join(", ",
                            stripped.get().fields()) + ") could be personal data and was removed when " + record.topic()
                            + " was retired").getBytes(StandardCharsets.UTF_8));
                }
            }
            if (unreadable != null) {
                value = new byte[0];
                headers.add(REDACTED_HEADER, ("the value of this " + type + " record " + unreadable + "; it could hold "
                        + "personal data and was removed when " + record.topic() + " was retired")
                        .getBytes(StandardCharsets.UTF_8));
            }
        }
        return new ProducerRecord<>(to, null, record.timestamp(), record.key(), value, headers);
    }

    /** A value without its free text in clear, and the fields removed (their paths, in the order met). */
    record FreeTextRemoved(byte[] value, List<String> fields) {
    }

    /**
     * {@code value}, a JSON object, without the free text in clear: every field named in {@link PersonalTexts#FIELDS},
     * at any depth, whose value is not a text sealed under a data key ({@code sealed:v1:...}) or null; empty if
     * {@code value} is not a JSON object. The value is written again only when a field was removed.
     */
    static Optional<FreeTextRemoved> withoutFreeTextInClear(byte[] value) {
        JsonNode json;
        try {
            json = EventCodec.JSON.readTree(value);
        } catch (IOException notJson) {
            return Optional.empty();
        }
        if (json == null || !json.isObject()) {
            return Optional.empty();
        }
        List<String> removed = new ArrayList<>();
        removeFreeTextInClear(json, "", removed);
        if (removed.isEmpty()) {
            return Optional.of(new FreeTextRemoved(value, removed));
        }
        try {
            return Optional.of(new FreeTextRemoved(EventCodec.JSON.writeValueAsBytes(json), List.copyOf(removed)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a dead letter's value again", e);
        }
    }

    private static void removeFreeTextInClear(JsonNode node, String path, List<String> removed) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = ((ObjectNode) node).fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                String at = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                if (PersonalTexts.FIELDS.contains(field.getKey()) && inClear(field.getValue())) {
                    fields.remove();
                    removed.add(at);
                } else {
                    removeFreeTextInClear(field.getValue(), at, removed);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                removeFreeTextInClear(node.get(i), path + "[" + i + "]", removed);
            }
        }
    }

    /** Whether a free-text field's value could be text in clear: anything but a sealed text or null. */
    private static boolean inClear(JsonNode value) {
        return !value.isNull() && !(value.isTextual() && value.textValue().startsWith(SEALED_PREFIX));
    }

    private static String identity(ConsumerRecord<byte[], byte[]> record) {
        return header(record, "ce_id") + "|" + header(record, "dead-letter-subscription") + "|"
                + header(record, "dead-letter-offset") + "|" + header(record, "dead-letter-partition");
    }

    private static void replace(RecordHeaders headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Every record {@code topic} holds now, from its start to its current end; empty if it does not exist. */
    static List<ConsumerRecord<byte[], byte[]>> readAll(PlatformSettings settings, String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "retired-topics-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            var partitions = consumer.partitionsFor(topic, WAIT);
            if (partitions == null || partitions.isEmpty()) {
                return records;
            }
            List<TopicPartition> assigned = partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            Map<TopicPartition, Long> end = consumer.endOffsets(assigned, WAIT);
            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            while (assigned.stream().anyMatch(p -> consumer.position(p, WAIT) < end.get(p))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("could not read " + topic + " to its end");
                }
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            return records;
        }
    }

    private KafkaProducer<byte[], byte[]> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
