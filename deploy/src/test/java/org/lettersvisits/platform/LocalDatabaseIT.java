package org.lettersvisits.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.lettersvisits.platform.E2eClient.PETITION;
import static org.lettersvisits.platform.E2eClient.as;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The running platform's PostgreSQL asks every connection for a password, and each service connects as a role of its
 * own that may add to the event log but not rewrite it; the database's owner can (the tamperer the signed anchors
 * kept outside the database are for). Through psql where it is installed, as an operator would, else JDBC.
 */
@ExtendWith(SharedPlatform.class)
class LocalDatabaseIT {

    private static final Path PSQL = Path.of("/usr/bin/psql");

    @Test
    void without_a_password_the_superuser_is_refused_and_with_the_kept_one_it_is_let_in() throws Exception {
        PlatformSettings settings = SharedPlatform.settings();
        String password = Files.readString(settings.postgresPasswordFile()).trim();
        if (Files.isExecutable(PSQL)) {
            Result refused = psql(settings, null, "SELECT current_user");
            assertThat(refused.exit()).as(refused.output()).isNotZero();
            assertThat(refused.output()).contains("password");
            Result wrong = psql(settings, "postgres", "SELECT current_user");
            assertThat(wrong.exit()).as(wrong.output()).isNotZero();
            assertThat(wrong.output()).contains("password authentication failed for user \"postgres\"");
            Result admitted = psql(settings, password, "SELECT current_user");
            assertThat(admitted.exit()).as(admitted.output()).isZero();
            assertThat(admitted.output().trim()).isEqualTo("postgres");
        }
        assertThatThrownBy(() -> DriverManager.getConnection(settings.postgresJdbcUrl("postgres"), user("postgres", null)))
                .isInstanceOf(SQLException.class).hasMessageContaining("password");
        assertThatThrownBy(() -> DriverManager.getConnection(settings.postgresJdbcUrl("postgres"), user("postgres", "postgres")))
                .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
        try (Connection connection = LocalDatabase.superuserConnection(settings, "postgres");
                Statement sql = connection.createStatement();
                ResultSet rules = sql.executeQuery("SELECT type, auth_method FROM pg_hba_file_rules")) {
            List<String> methods = new ArrayList<>();
            while (rules.next()) {
                methods.add(rules.getString(1) + " " + rules.getString(2));
            }
            assertThat(methods).as("pg_hba.conf: local and host lines, every one asking for a password")
                    .contains("local scram-sha-256", "host scram-sha-256")
                    .allSatisfy(rule -> assertThat(rule).endsWith(" scram-sha-256"));
        }
        assertThat(Files.getPosixFilePermissions(settings.postgresPasswordFile()))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void each_database_belongs_to_its_owner_and_only_its_two_roles_may_connect() throws Exception {
        PlatformSettings settings = SharedPlatform.settings();
        try (Connection connection = LocalDatabase.superuserConnection(settings, "postgres")) {
            for (PlatformSettings.Service service : settings.services()) {
                for (String role : List.of(service.ownerRole(), service.serviceRole())) {
                    assertThat(row(connection, "SELECT rolsuper, rolcreatedb, rolcreaterole, rolcanlogin FROM pg_roles"
                            + " WHERE rolname = ?", role)).as(role).containsExactly("f", "f", "f", "t");
                    assertThat(Files.getPosixFilePermissions(settings.postgresRolePasswordFile(role)))
                            .isEqualTo(PosixFilePermissions.fromString("rw-------"));
                }
                assertThat(row(connection, "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = ?",
                        service.database())).containsExactly(service.ownerRole());
                assertThat(row(connection, "SELECT count(*) FROM pg_database, aclexplode(datacl) a WHERE datname = ?"
                        + " AND a.grantee = 0 AND a.privilege_type = 'CONNECT'", service.database()))
                        .as("PUBLIC may not connect to " + service.database()).containsExactly("0");
            }
        }
        PlatformSettings.Service petition = settings.services().get(PETITION);
        try (Connection inside = LocalDatabase.superuserConnection(settings, petition.database())) {
            assertThat(row(inside, "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE n.nspname = 'public' AND c.relkind IN ('r', 'S', 'v') AND pg_get_userbyid(c.relowner) <> ?",
                    petition.ownerRole())).as("tables, sequences and views the owner does not own").containsExactly("0");
        }
        PlatformSettings.Service assignment = settings.services().get(E2eClient.ASSIGNMENT);
        assertThatThrownBy(() -> LocalDatabase.connectAs(settings, petition.serviceRole(), assignment.database()))
                .as("petition-service's role in assignment-service's database").isInstanceOf(SQLException.class)
                .hasMessageContaining("permission denied for database");
    }

    @Test
    void the_service_role_cannot_rewrite_the_event_log_the_service_still_registers_and_the_owner_could() throws Exception {
        PlatformSettings settings = SharedPlatform.settings();
        PlatformSettings.Service petition = settings.services().get(PETITION);
        String first = register("Li Hua");
        try (Connection service = LocalDatabase.connectAs(settings, petition.serviceRole(), petition.database())) {
            for (String rewrite : List.of("UPDATE event SET actor = 'someone else' WHERE aggregate_id = ?::uuid",
                    "DELETE FROM event WHERE aggregate_id = ?::uuid")) {
                assertThatThrownBy(() -> execute(service, rewrite, first)).as(rewrite).isInstanceOf(SQLException.class)
                        .hasMessageContaining("permission denied for table event");
            }
            assertThatThrownBy(() -> execute(service, "TRUNCATE event", null)).isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
            assertThat(row(service, "SELECT count(*) > 0 FROM event WHERE aggregate_id = ?::uuid", first))
                    .as("it still reads its log").containsExactly("t");
        }
        String second = register("Zhao Lei");
        assertThat(second).isNotEqualTo(first);
        try (Connection owner = LocalDatabase.connectAs(settings, petition.ownerRole(), petition.database())) {
            owner.setAutoCommit(false);
            try {
                assertThat(execute(owner, "UPDATE event SET actor = 'someone else' WHERE aggregate_id = ?::uuid", first))
                        .as("the owner rewrites an event (and only the hash chain and the anchors outside tell)")
                        .isPositive();
                assertThat(execute(owner, "DELETE FROM event WHERE aggregate_id = ?::uuid", second)).isPositive();
            } finally {
                owner.rollback(); // the other tests' log stays whole
            }
        }
        as("admin1", PETITION).get("/api/admin/integrity").then().statusCode(200).body("ok", equalTo(true));
    }

    private static String register(String name) {
        return as("reception1", PETITION).body(Map.of("channel", "LETTER", "receivedOn", "2025-03-02",
                "petitioner", Map.of("name", name, "idNumber", "130100199312266955"),
                "headcount", 1, "subject", "a neighbour's fence " + UUID.randomUUID(), "involvesLawAndLitigation", false))
                .post("/api/petitions").then().statusCode(201).extract().path("id");
    }

    private static int execute(Connection connection, String statement, String parameter) throws SQLException {
        try (PreparedStatement sql = connection.prepareStatement(statement)) {
            if (parameter != null) {
                sql.setString(1, parameter);
            }
            return sql.executeUpdate();
        }
    }

    private static List<String> row(Connection connection, String query, String parameter) throws SQLException {
        try (PreparedStatement sql = connection.prepareStatement(query)) {
            sql.setString(1, parameter);
            try (ResultSet row = sql.executeQuery()) {
                assertThat(row.next()).as(query).isTrue();
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
                    values.add(row.getString(i));
                }
                return values;
            }
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

    private record Result(int exit, String output) {
    }

    /** {@code psql -U postgres -h localhost -p <port>}, with {@code password} or none (never prompting, no ~/.pgpass). */
    private static Result psql(PlatformSettings settings, String password, String query)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(PSQL.toString(), "-U", "postgres", "-h", "localhost",
                "-p", String.valueOf(settings.postgresPort()), "-w", "-At", "-c", query, "postgres").redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("PG"));
        environment.put("PGPASSFILE", "/dev/null");
        if (password != null) {
            environment.put("PGPASSWORD", password);
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }
}
