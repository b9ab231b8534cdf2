package org.lettersvisits.platform;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
import org.lettersvisits.contracts.registry.PlatformEvents;
import org.lettersvisits.contracts.EventCodec;
import org.lettersvisits.contracts.Topics;

/**
 * Retires the topic versions that may still hold personal data ({@link Topics#retired()}), once the
 * services of this version run: each retired dead-letter topic is copied onto its successor with every
 * petition event read as the current public version (which carries no personal data; a value that does not
 * read is redacted), then deleted; the retired {@code petition-events} is deleted once petition-service has
 * re-published its history onto {@code petition-events.v2} and its outbox is empty. Safe to run again: what
 * was copied before is not copied twice, and a topic already gone is skipped.
 */
public final class RetiredTopics {

    static final String REDACTED_HEADER = "dead-letter-redacted";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final PlatformSettings settings;
    private final PrintStream out;
    private final EventCodec codec = PlatformEvents.codec();

    public RetiredTopics(PlatformSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    /** Retires what is left to retire; the topics deleted. */
    public List<String> retire(Duration republicationTimeout) throws Exception {
        List<String> deleted = new ArrayList<>();
        try (Admin admin = settings.kafkaAdmin()) {
            Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            for (Map.Entry<String, String> topic : Topics.retired().entrySet()) {
                String retired = topic.getKey();
                if (!existing.contains(retired)) {
                    continue;
                }
                if (retired.endsWith(".dead-letters")) {
                    int copied = copyDeadLetters(retired, topic.getValue());
                    out.printf("copied %d dead letters from %s to %s%n", copied, retired, topic.getValue());
                } else if (!awaitRepublished(topic.getValue(), republicationTimeout)) {
                    out.printf("kept %s: petition-service has not re-published onto %s yet; run ./platform up again%n",
                            retired, topic.getValue());
                    continue;
                }
                admin.deleteTopics(List.of(retired)).all().get(30, TimeUnit.SECONDS);
                out.println("deleted retired topic " + retired);
                deleted.add(retired);
            }
        }
        return deleted;
    }

    /** Whether petition-service re-published its history onto {@code topic} and published all of it, within {@code timeout}. */
    private boolean awaitRepublished(String topic, Duration timeout) throws IOException, InterruptedException {
        try {
            Polling.until("petition-service's re-publication onto " + topic, timeout, Duration.ofMillis(500),
                    () -> republished(topic));
            return true;
        } catch (IllegalStateException notYet) {
            return false;
        }
    }

    private boolean republished(String topic) throws IOException {
        Properties credentials = new Properties();
        credentials.put("user", "postgres");
        credentials.put("password", "postgres");
        try (Connection connection = DriverManager.getConnection(settings.postgresJdbcUrl("petition"), credentials);
                Statement statement = connection.createStatement();
                var rows = statement.executeQuery("""
                        SELECT EXISTS (SELECT 1 FROM topic_republication WHERE topic = '%s')
                           AND NOT EXISTS (SELECT 1 FROM outbox)""".formatted(topic))) {
            return rows.next() && rows.getBoolean(1);
        } catch (SQLException e) {
            throw new IOException("cannot ask petition-service's database whether it re-published", e);
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

    /** The dead letter as it goes onto {@code to}: a petition event read as its current public version. */
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
        if (type.startsWith("petition.") && value != null) {
            try {
                EventCodec.Encoded current = codec.encode(codec.decode(type, new String(value, StandardCharsets.UTF_8)));
                value = current.json().getBytes(StandardCharsets.UTF_8);
                replace(headers, "ce_type", current.type());
            } catch (IllegalArgumentException unreadable) {
                value = new byte[0];
                headers.add(REDACTED_HEADER, ("the value of this " + type + " record did not read; it could hold "
                        + "personal data and was removed when " + record.topic() + " was retired")
                        .getBytes(StandardCharsets.UTF_8));
            }
        }
        return new ProducerRecord<>(to, null, record.timestamp(), record.key(), value, headers);
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
