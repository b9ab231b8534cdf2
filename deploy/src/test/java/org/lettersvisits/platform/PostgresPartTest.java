package org.lettersvisits.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * {@link PostgresPart} on a data folder of an earlier version, where every local connection was trusted and the
 * services' databases and everything in them belonged to {@code postgres}: at start the superuser gets a password,
 * {@code pg_hba.conf} asks every connection for one, and each database with its schema, tables, sequences, views and
 * functions goes to its owner role, the extension's own objects left alone; a second start changes nothing.
 */
class PostgresPartTest {

    @TempDir
    Path data;

    @Test
    void a_data_folder_that_trusted_everyone_is_converted_at_start_and_handed_to_the_owners() throws Exception {
        int port = freePort();
        PlatformSettings settings = PlatformSettings.fromEnvironment(data,
                Map.of("POSTGRES_PORT", String.valueOf(port), "PLATFORM_DATA", data.toString()));
        earlierVersion(settings, port);
        assertThat(Files.readString(settings.postgresDataDir().resolve("pg_hba.conf"))).contains("trust");

        PostgresPart postgres = new PostgresPart(settings);
        try {
            postgres.start();
            assertThat(Files.readString(settings.postgresDataDir().resolve("pg_hba.conf"))).isEqualTo(PostgresPart.PG_HBA);
            assertThatThrownBy(() -> DriverManager.getConnection(settings.postgresJdbcUrl("postgres"), user("postgres", null)))
                    .hasMessageContaining("password");
            try (Connection petition = LocalDatabase.superuserConnection(settings, "petition")) {
                assertThat(owners(petition)).containsExactlyInAnyOrder(
                        "database petition_owner", "schema petition_owner", "table event petition_owner",
                        "sequence event_position_seq petition_owner", "sequence counter petition_owner",
                        "view latest petition_owner", "function chain(bigint) petition_owner",
                        "table flyway_schema_history petition_owner");
                assertThat(single(petition, "SELECT count(*) FROM pg_proc p JOIN pg_depend d ON d.objid = p.oid"
                        + " AND d.deptype = 'e' WHERE pg_get_userbyid(p.proowner) = 'postgres'"))
                        .as("pg_trgm's functions stay the extension's").isNotEqualTo("0");
            }
            try (Connection owner = LocalDatabase.connectAs(settings, "petition_owner", "petition");
                    Statement sql = owner.createStatement()) {
                sql.execute("UPDATE event SET payload = payload"); // the owner may (the anchors outside catch it)
            }
            assertThatThrownBy(() -> LocalDatabase.connectAs(settings, "petition_service", "assignment"))
                    .hasMessageContaining("permission denied for database");
        } finally {
            postgres.stop();
        }

        PostgresPart again = new PostgresPart(settings);
        try {
            again.start();
            try (Connection petition = LocalDatabase.connectAs(settings, "petition_service", "petition")) {
                assertThat(single(petition, "SELECT current_user")).isEqualTo("petition_service");
            }
        } finally {
            again.stop();
        }
    }

    @Test
    void a_folder_that_asks_for_passwords_without_the_kept_password_is_refused_naming_the_file() throws Exception {
        int port = freePort();
        PlatformSettings settings = PlatformSettings.fromEnvironment(data,
                Map.of("POSTGRES_PORT", String.valueOf(port), "PLATFORM_DATA", data.toString()));
        PostgresPart postgres = new PostgresPart(settings);
        try {
            postgres.start();
        } finally {
            postgres.stop();
        }
        Files.delete(settings.postgresPasswordFile());
        assertThatThrownBy(() -> new PostgresPart(settings).start()).hasMessageContaining("postgres-password is missing");
    }

    /** What an earlier version left: trust for every local connection, the databases and their objects postgres's. */
    private static void earlierVersion(PlatformSettings settings, int port) throws IOException, SQLException {
        try (EmbeddedPostgres earlier = EmbeddedPostgres.builder().setPort(port)
                .setDataDirectory(settings.postgresDataDir()).setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(Files.createDirectories(settings.dataDir().resolve("postgres/bin")).toFile())
                .start()) {
            try (Connection server = earlier.getPostgresDatabase().getConnection(); Statement sql = server.createStatement()) {
                for (String database : List.of("petition", "assignment", "followup", "reporting")) {
                    sql.execute("CREATE DATABASE " + database);
                }
            }
            try (Connection petition = earlier.getDatabase("postgres", "petition").getConnection();
                    Statement sql = petition.createStatement()) {
                sql.execute("CREATE EXTENSION pg_trgm");
                sql.execute("CREATE TABLE event (position bigserial PRIMARY KEY, payload jsonb)");
                sql.execute("CREATE TABLE flyway_schema_history (installed_rank int PRIMARY KEY)");
                sql.execute("CREATE SEQUENCE counter");
                sql.execute("CREATE VIEW latest AS SELECT max(position) AS position FROM event");
                sql.execute("CREATE FUNCTION chain(bigint) RETURNS bigint LANGUAGE sql AS 'SELECT $1'");
                sql.execute("INSERT INTO event (payload) VALUES ('{}')");
            }
        }
    }

    /** Who owns the database, its schema public and each table, sequence, view and function in it (not pg_trgm's). */
    private static List<String> owners(Connection connection) throws SQLException {
        List<String> owners = new ArrayList<>();
        try (Statement sql = connection.createStatement(); ResultSet rows = sql.executeQuery("""
                SELECT 'database ' || pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()
                UNION ALL SELECT 'schema ' || pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = 'public'
                UNION ALL SELECT CASE c.relkind WHEN 'r' THEN 'table ' WHEN 'S' THEN 'sequence ' ELSE 'view ' END
                                 || c.relname || ' ' || pg_get_userbyid(c.relowner)
                          FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                          WHERE n.nspname = 'public' AND c.relkind IN ('r', 'S', 'v')
                UNION ALL SELECT 'function ' || p.oid::regprocedure || ' ' || pg_get_userbyid(p.proowner)
                          FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                          WHERE n.nspname = 'public' AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid
                                                                     AND d.deptype = 'e')""")) {
            while (rows.next()) {
                owners.add(rows.getString(1));
            }
        }
        return owners;
    }

    private static String single(Connection connection, String query) throws SQLException {
        try (Statement sql = connection.createStatement(); ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getString(1);
        }
    }

    private static Properties user(String name, String password) {
        Properties properties = new Properties();
        properties.put("user", name);
        if (password != null) {
            properties.put("password", password);
        }
        return properties;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
