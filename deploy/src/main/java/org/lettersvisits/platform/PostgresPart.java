package org.lettersvisits.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.OptionalLong;

import org.postgresql.PGConnection;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server from zonky's binaries (Maven Central), its data kept in the platform's data folder. Every
 * connection proves a password (scram-sha-256 in {@code pg_hba.conf}, local and host lines alike): the superuser
 * {@code postgres} has a random one kept in {@code .platform-data/postgres-password}. zonky's {@code initdb} trusts every
 * local connection, and so did the data folders of earlier versions: such a folder is converted at start (the
 * password set, {@code pg_hba.conf} rewritten, the configuration reloaded). Then each service gets its database and
 * its two roles ({@link DatabaseRoles}).
 */
final class PostgresPart implements Part {

    /** Every connection, local or over TCP, for every database and user, proves a password. */
    static final String PG_HBA = """
            # Written by the platform launcher (PostgresPart): every connection proves a password (scram-sha-256),
            # the superuser postgres included (its password: .platform-data/postgres-password).
            # TYPE  DATABASE     USER  ADDRESS        METHOD
            local   all          all                  scram-sha-256
            host    all          all   127.0.0.1/32   scram-sha-256
            host    all          all   ::1/128        scram-sha-256
            local   replication  all                  scram-sha-256
            host    replication  all   127.0.0.1/32   scram-sha-256
            host    replication  all   ::1/128        scram-sha-256
            """;

    private final PlatformSettings settings;
    private final Path logFile;
    private EmbeddedPostgres postgres;
    private boolean rolesReady;

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
        Files.createDirectories(logFile.getParent());
        boolean passwordKept = Files.exists(settings.postgresPasswordFile());
        if (!passwordKept && asksForPasswords()) {
            throw new IOException("PostgreSQL's data folder asks every connection for a password, but "
                    + settings.postgresPasswordFile() + " is missing: put it back, or start afresh with --fresh");
        }
        String password = LocalDatabase.superuserPassword(settings);
        postgres = EmbeddedPostgres.builder()
                .setPort(settings.postgresPort())
                .setDataDirectory(dataDirectory())
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(Files.createDirectories(base.resolve("bin")).toFile())
                .setServerConfig("max_connections", "200")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("password_encryption", "scram-sha-256")
                // a transaction left idle (a stalled client) cannot hold back every relay on the server for long
                .setServerConfig("idle_in_transaction_session_timeout", "60s")
                // the embedded library turns these off; a committed petition must survive a power cut
                .setServerConfig("fsync", settings.durable() ? "on" : "off")
                .setServerConfig("synchronous_commit", settings.durable() ? "on" : "off")
                .setServerConfig("full_page_writes", settings.durable() ? "on" : "off")
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .setRegisterShutdownHook(false)
                // zonky checks readiness, and hands out connections, as postgres: with its password
                .setConnectConfig("password", password)
                .start();
        try (Connection server = postgres.getPostgresDatabase().getConnection()) {
            if (!asksForPasswords()) {
                askForPasswords(server, password);
            }
            if (!rolesReady) { // once per launcher: a restart by the supervisor finds them made
                DatabaseRoles.prepare(settings, server);
                rolesReady = true;
            }
        }
    }

    /** Whether {@code pg_hba.conf} is the launcher's, which asks every connection for a password. */
    private boolean asksForPasswords() throws IOException {
        Path hba = dataDirectory().resolve("pg_hba.conf");
        return Files.exists(hba) && Files.readString(hba).equals(PG_HBA);
    }

    /**
     * Converts a server that trusts local connections (a fresh {@code initdb}, or a data folder of an earlier version):
     * gives {@code postgres} its password, then makes {@code pg_hba.conf} ask every connection for one and reloads it.
     */
    private void askForPasswords(Connection server, String password) throws IOException, SQLException {
        server.unwrap(PGConnection.class).alterUserPassword("postgres", password.toCharArray(), "scram-sha-256");
        Path hba = dataDirectory().resolve("pg_hba.conf");
        Path written = hba.resolveSibling("pg_hba.conf.new");
        Files.writeString(written, PG_HBA);
        Files.setPosixFilePermissions(written, PosixFilePermissions.fromString("rw-------"));
        Files.move(written, hba, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        try (Statement sql = server.createStatement()) {
            try (ResultSet rules = sql.executeQuery("SELECT count(*) FROM pg_hba_file_rules"
                    + " WHERE error IS NOT NULL OR auth_method <> 'scram-sha-256'")) {
                rules.next();
                if (rules.getLong(1) != 0) {
                    throw new IOException(hba + " holds a rule that does not ask for a password");
                }
            }
            sql.execute("SELECT pg_reload_conf()");
        }
        System.out.println("PostgreSQL now asks every connection for a password (superuser postgres: "
                + settings.postgresPasswordFile() + ")");
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
        return "localhost:" + settings.postgresPort() + " (superuser postgres, password in " + settings.postgresPasswordFile()
                + "; each service as <db>_service, passwords in " + settings.postgresRolesDir() + ")";
    }
}
