package org.lettersvisits.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.OptionalLong;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server from zonky's binaries (Maven Central), its data kept in the platform's
 * data folder. Creates one database per service on first start.
 */
final class PostgresPart implements Part {

    private final PlatformSettings settings;
    private final Path logFile;
    private EmbeddedPostgres postgres;

    PostgresPart(PlatformSettings settings) {
        this.settings = settings;
        this.logFile = settings.logDir().resolve("postgres.log");
    }

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public void start() throws IOException, SQLException {
        Path base = Files.createDirectories(settings.dataDir().resolve("postgres"));
        postgres = EmbeddedPostgres.builder()
                .setPort(settings.postgresPort())
                .setDataDirectory(dataDirectory())
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(Files.createDirectories(base.resolve("bin")).toFile())
                .setServerConfig("max_connections", "200")
                .setServerConfig("listen_addresses", "127.0.0.1")
                // a transaction left idle (a stalled client) cannot hold back every relay on the server for long
                .setServerConfig("idle_in_transaction_session_timeout", "60s")
                // the embedded library turns these off; a committed petition must survive a power cut
                .setServerConfig("fsync", settings.durable() ? "on" : "off")
                .setServerConfig("synchronous_commit", settings.durable() ? "on" : "off")
                .setServerConfig("full_page_writes", settings.durable() ? "on" : "off")
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .setRegisterShutdownHook(false)
                .start();
        createServiceDatabases();
    }

    private void createServiceDatabases() throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?");
                Statement create = connection.createStatement()) {
            for (PlatformSettings.Service service : settings.services()) {
                exists.setString(1, service.database());
                try (ResultSet found = exists.executeQuery()) {
                    if (!found.next()) {
                        create.execute("CREATE DATABASE \"" + service.database() + "\"");
                    }
                }
            }
        }
    }

    @Override
    public boolean isReady() {
        return isAlive();
    }

    /** Whether the server process (the postmaster, whose id PostgreSQL keeps in {@code postmaster.pid}) runs. */
    @Override
    public boolean isAlive() {
        return postgres != null && pid().stream().mapToObj(ProcessHandle::of).anyMatch(h -> h.map(ProcessHandle::isAlive)
                .orElse(false));
    }

    @Override
    public OptionalLong pid() {
        try {
            List<String> lines = Files.readAllLines(dataDirectory().resolve("postmaster.pid"));
            return lines.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private Path dataDirectory() {
        return settings.postgresDataDir();
    }

    @Override
    public void stop() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            System.err.println("postgres did not stop cleanly: " + e.getMessage());
        }
        postgres = null;
    }

    @Override
    public Path logFile() {
        return logFile;
    }

    @Override
    public String endpoint() {
        return "localhost:" + settings.postgresPort() + " (user postgres)";
    }
}
