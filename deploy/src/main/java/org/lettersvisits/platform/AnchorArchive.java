package org.lettersvisits.platform;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.lettersvisits.contracts.Topics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The launcher's copy of the signed anchors, kept outside both the databases and the services: while the platform
 * runs, a consumer in the launcher reads {@value #TOPIC} (record key = the service, value = the anchor as JSON) and
 * appends each anchor, as one JSON line, to {@code .platform-data/anchors/<service>.jsonl}. Lines are only ever
 * appended, and flushed to disk before the consumer group ({@value #GROUP}) moves on; an anchor delivered again after
 * a crash (same {@code id}) is not written twice, so a run that resumes from the group's position, or from the
 * topic's beginning, leaves the same file.
 */
public final class AnchorArchive implements Part {

    /** Where the owning services publish every signed anchor; kept for ever. */
    public static final String TOPIC = Topics.EVENT_ANCHORS;
    static final String GROUP = "platform.anchor-archive";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the copy of one service's anchors holds: how many, and the last one's id and hash. */
    public record Summary(Path file, long anchors, Optional<JsonNode> last) {
    }

    private final PlatformSettings settings;
    private final Path dir;
    private final String group;
    private volatile KafkaConsumer<String, String> consumer;
    private volatile Thread thread;
    private volatile boolean running;
    private volatile boolean caughtUp;
    private volatile String failure = "";

    public AnchorArchive(PlatformSettings settings) {
        this(settings, settings.anchorsDir(), GROUP);
    }

    /** An archive into {@code dir} under its own consumer group (the tests run a second one beside the launcher's). */
    public AnchorArchive(PlatformSettings settings, Path dir, String group) {
        this.settings = settings;
        this.dir = dir;
        this.group = group;
    }

    @Override
    public String name() {
        return "anchor archive";
    }

    /** Its consumer group. */
    public String group() {
        return group;
    }

    /** Whether it has read every partition it holds to the end, as of its last poll. */
    public boolean caughtUp() {
        return caughtUp;
    }

    @Override
    public synchronized void start() throws IOException {
        Files.createDirectories(dir);
        Map<String, Set<String>> kept = keptIds();
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(TOPIC));
        KafkaConsumer<String, String> reading = consumer;
        running = true;
        thread = new Thread(() -> run(reading, kept), "anchor-archive");
        thread.setDaemon(true);
        thread.start();
    }

    private void run(KafkaConsumer<String, String> reading, Map<String, Set<String>> kept) {
        try (reading) {
            while (running) {
                var records = reading.poll(Duration.ofMillis(500));
                caughtUp = !reading.assignment().isEmpty() && reading.assignment().stream()
                        .allMatch(partition -> reading.currentLag(partition).orElse(1) == 0);
                if (records.isEmpty()) {
                    continue;
                }
                Set<Path> written = new HashSet<>();
                for (ConsumerRecord<String, String> record : records) {
                    append(record, kept).ifPresent(written::add);
                }
                for (Path file : written) {
                    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                        channel.force(true); // on disk before the group's position moves past it
                    }
                }
                try {
                    reading.commitSync();
                } catch (CommitFailedException rebalanced) {
                    // delivered again to whoever holds the partition now; the ids keep the file from doubling
                }
            }
        } catch (WakeupException stopping) {
            // stop() asked
        } catch (IOException | RuntimeException e) {
            failure = e.toString();
            log("stopped: " + e);
        }
    }

    /** Appends one anchor to its service's file unless the file holds it already; returns the file written. */
    private Optional<Path> append(ConsumerRecord<String, String> record, Map<String, Set<String>> kept) throws IOException {
        JsonNode anchor;
        try {
            anchor = record.value() == null ? null : JSON.readTree(record.value());
        } catch (IOException notJson) {
            anchor = null;
        }
        if (anchor == null || !anchor.isObject()) { // kept too, so nothing on the topic goes unseen
            ObjectNode unreadable = JSON.createObjectNode().put("unreadable", String.valueOf(record.value()))
                    .put("partition", record.partition()).put("offset", record.offset());
            anchor = unreadable;
        }
        String service = serviceOf(record.key(), anchor);
        String id = anchor.hasNonNull("id") ? anchor.get("id").asText() : null;
        Set<String> ids = kept.computeIfAbsent(service, s -> new HashSet<>());
        if (id != null && !ids.add(id)) {
            return Optional.empty();
        }
        Path file = fileOf(dir, service);
        Files.writeString(file, JSON.writeValueAsString(anchor) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        return Optional.of(file);
    }

    /** The anchor's service: the record's key, else its {@code service} field; only letters, digits and dashes. */
    private static String serviceOf(String key, JsonNode anchor) {
        String service = key != null && !key.isBlank() ? key : anchor.path("service").asText("");
        String safe = service.replaceAll("[^A-Za-z0-9-]", "_");
        return safe.isEmpty() ? "unknown" : safe;
    }

    static Path fileOf(Path dir, String service) {
        return dir.resolve(service + ".jsonl");
    }

    /** The ids every file holds already, by service. */
    private Map<String, Set<String>> keptIds() throws IOException {
        Map<String, Set<String>> kept = new HashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".jsonl")).toList()) {
                String service = file.getFileName().toString().replaceFirst("\\.jsonl$", "");
                Set<String> ids = kept.computeIfAbsent(service, s -> new HashSet<>());
                String text = Files.readString(file);
                if (!text.isEmpty() && !text.endsWith("\n")) { // a line cut short by a crash: end it, keep it
                    Files.writeString(file, "\n", StandardOpenOption.APPEND);
                    log(file + " ended in a line cut short; later anchors go on the next line");
                }
                text.lines().filter(line -> !line.isBlank()).forEach(line -> {
                    try {
                        JsonNode anchor = JSON.readTree(line);
                        if (anchor.hasNonNull("id")) {
                            ids.add(anchor.get("id").asText());
                        }
                    } catch (IOException notJson) {
                        // the line cut short above: not an anchor
                    }
                });
            }
        }
        return kept;
    }

    /** What {@code service}'s file holds: its anchors and the last one. */
    public static Summary summary(Path dir, String service) throws IOException {
        Path file = fileOf(dir, service);
        if (!Files.exists(file)) {
            return new Summary(file, 0, Optional.empty());
        }
        List<String> lines = Files.readAllLines(file).stream().filter(line -> !line.isBlank()).toList();
        return new Summary(file, lines.size(),
                lines.isEmpty() ? Optional.empty() : Optional.of(JSON.readTree(lines.get(lines.size() - 1))));
    }

    @Override
    public boolean isReady() {
        return isAlive();
    }

    @Override
    public boolean isAlive() {
        Thread reader = thread;
        return reader != null && reader.isAlive();
    }

    @Override
    public String howItEnded() {
        return failure.isEmpty() ? "its thread ended" : failure;
    }

    @Override
    public synchronized void stop() {
        Thread reader = thread;
        if (reader == null) {
            return;
        }
        running = false; // no interrupt: it would cut a line being written short
        KafkaConsumer<String, String> reading = consumer;
        if (reading != null) {
            reading.wakeup();
        }
        try {
            reader.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
        consumer = null;
    }

    private void log(String line) {
        try {
            Files.createDirectories(settings.logDir());
            Files.writeString(logFile(), Instant.now() + " " + line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.println("anchor archive: " + line);
        }
    }

    @Override
    public Path logFile() {
        return settings.logDir().resolve("anchor-archive.log");
    }

    @Override
    public String endpoint() {
        return dir + "/<service>.jsonl  (every anchor on " + TOPIC + ")";
    }
}
