package org.lettersvisits.platform.chaos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.lettersvisits.platform.ApiClient;
import org.lettersvisits.platform.LocalDatabase;
import org.lettersvisits.platform.PlatformSettings;

/**
 * What a fault needs of the running platform: its processes (by the ids the launcher keeps), its
 * PostgreSQL server (as the superuser) and its Kafka broker.
 */
final class Infrastructure {

    static final Duration BACK_WITHIN = Duration.ofMinutes(3);
    private static final Duration POLL = Duration.ofMillis(500);

    private final PlatformSettings settings;
    private final ApiClient api;
    private final List<String> observations = new java.util.concurrent.CopyOnWriteArrayList<>();

    Infrastructure(PlatformSettings settings, ApiClient api) {
        this.settings = settings;
        this.api = api;
    }

    PlatformSettings settings() {
        return settings;
    }

    ApiClient api() {
        return api;
    }

    /** Notes something a fault saw (how long a take-over took), for the table's row. */
    void observe(String observation) {
        observations.add(observation);
    }

    /** What the faults noted since the last call, and forgets it. */
    List<String> takeObservations() {
        List<String> taken = List.copyOf(observations);
        observations.clear();
        return taken;
    }

    /**
     * Who holds the outbox relay's lease in {@code database} ({@code petition-service-2#1a2b3c4d}: the instance and
     * which start of it), or null while none does. A restarted instance holds it under another name after the hash.
     */
    String relayLeader(String database) throws SQLException {
        try (Connection connection = LocalDatabase.superuserConnection(settings, database);
                Statement statement = connection.createStatement();
                var rows = statement.executeQuery("""
                        SELECT holder FROM outbox_relay_lease
                        WHERE name = 'relay' AND holder IS NOT NULL AND expires_at > clock_timestamp()""")) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    boolean instanceReady(PlatformSettings.Instance instance) {
        return api.ready(instance.baseUrl());
    }
    /** The process id the launcher keeps for a part ({@code petition-service}, {@code kafka}). */
    long pidOf(String part) throws IOException {
        Path file = settings.pidFile(part);
        if (!Files.exists(file)) {
            throw new IOException("no " + file + ": is the platform running (./platform up)?");
        }
        return Long.parseLong(Files.readString(file).trim());
    }

    /** The PostgreSQL server process, from its own {@code postmaster.pid}. */
    long postmasterPid() throws IOException {
        return Long.parseLong(Files.readAllLines(settings.postgresDataDir().resolve("postmaster.pid")).get(0).trim());
    }

    /** The server and every backend and helper process it runs. */
    List<Long> postgresProcesses() throws IOException {
        long postmaster = postmasterPid();
        List<Long> pids = new ArrayList<>();
        pids.add(postmaster);
        ProcessHandle.of(postmaster).ifPresent(p -> p.descendants().forEach(d -> pids.add(d.pid())));
        return pids;
    }

    /** Sends a signal with the system's {@code kill} (SIGSTOP and SIGCONT have no Java API). */
    void signal(String signal, List<Long> pids) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        pids.forEach(pid -> command.add(String.valueOf(pid)));
        Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
        kill.getInputStream().readAllBytes();
        kill.waitFor(10, TimeUnit.SECONDS);
    }

    /** Runs statements as the superuser on the {@code postgres} database (never one a service uses). */
    void administer(String... statements) throws SQLException {
        Properties credentials = LocalDatabase.superuser(settings);
        credentials.put("connectTimeout", "5");
        try (Connection connection = DriverManager.getConnection(settings.postgresJdbcUrl("postgres"), credentials);
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    boolean postgresAnswers() {
        try {
            administer("SELECT 1");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    boolean kafkaAnswers() {
        try (Admin admin = settings.kafkaAdmin()) {
            admin.describeCluster().clusterId().get(5, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Sends records to the broker and waits until it has them. */
    void produce(List<ProducerRecord<String, String>> records) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            for (ProducerRecord<String, String> record : records) {
                producer.send(record).get(30, TimeUnit.SECONDS);
            }
        }
    }

    /** Waits until {@code back} holds; fails after {@link #BACK_WITHIN}. */
    void awaitBack(String what, java.util.function.BooleanSupplier back) throws InterruptedException {
        long deadline = System.nanoTime() + BACK_WITHIN.toNanos();
        while (!back.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " was not back within " + BACK_WITHIN.toMinutes() + " min");
            }
            Thread.sleep(POLL.toMillis()); // a deliberate, bounded poll interval
        }
    }
}
