package org.lettersvisits.platform;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Where the local platform keeps its data and which ports it listens on.
 * The defaults are the ones API.md fixes; every port can be overridden by an environment variable.
 *
 * @param root          the checkout (the folder holding {@code platform} and the service modules)
 * @param dataDir       Kafka's and PostgreSQL's data and every log, kept between runs
 * @param postgresPort  PostgreSQL
 * @param kafkaPort     the Kafka broker's client listener (the controller listens on the next port)
 * @param keycloakPort  Keycloak's HTTP port; the issuer is {@code http://localhost:<port>/realms/petitions}
 * @param tracesPort    the launcher's own trace collector (OTLP over HTTP), where every service sends its spans
 * @param mailPort      the mail catcher's SMTP port, where the services send mail (reminder digests)
 * @param mailWebPort   the mail catcher's web API: the mails each user received ({@link #mailboxUrl})
 * @param services      the four services and their HTTP ports (the one address of each, whatever the replicas)
 * @param replicas      how many instances of every service run; above one, a balancer in the launcher
 *                      answers on each service's port and spreads the requests over its instances
 * @param durable       PostgreSQL flushes every commit to disk ({@code fsync}, {@code synchronous_commit},
 *                      {@code full_page_writes} on): always for {@code ./platform up}, which may be a committee's
 *                      only installation; off for the end-to-end tests, whose data is thrown away
 */
public record PlatformSettings(Path root, Path dataDir, int postgresPort, int kafkaPort, int keycloakPort,
        int tracesPort, int mailPort, int mailWebPort, List<Service> services, int replicas, boolean durable) {

    public static final String REALM = "petitions";
    public static final String KEYCLOAK_VERSION = "26.7.3";

    /** One Quarkus service of the platform: its Maven module, HTTP port and database. */
    public record Service(String module, int port, String database) {

        public String baseUrl() {
            return "http://localhost:" + port;
        }

        /** The role that owns the service's database and everything in it: Flyway migrates as it ({@code DB_OWNER_USER}). */
        public String ownerRole() {
            return database + "_owner";
        }

        /** The role the service connects as ({@code DB_USER}): no superuser, no owner, only what the owner grants it. */
        public String serviceRole() {
            return database + "_service";
        }
    }

    /**
     * One running copy of a service: its name ({@code petition-service}, or {@code petition-service-2}
     * among replicas) and its own port (the service's port itself when it runs alone, else 1000 per
     * instance above it).
     */
    public record Instance(Service service, int index, String name, int port) {

        public String baseUrl() {
            return "http://localhost:" + port;
        }
    }

    /** The instances of {@code service} these settings run. */
    public List<Instance> instancesOf(Service service) {
        if (replicas == 1) {
            return List.of(new Instance(service, 1, service.module(), service.port()));
        }
        return IntStream.rangeClosed(1, replicas)
                .mapToObj(i -> new Instance(service, i, service.module() + "-" + i, service.port() + 1000 * i)).toList();
    }

    /** The same settings with {@code count} instances of every service. */
    public PlatformSettings withReplicas(int count) {
        if (count < 1 || count > 5) {
            throw new IllegalArgumentException("--replicas takes 1 to 5, not " + count);
        }
        return new PlatformSettings(root, dataDir, postgresPort, kafkaPort, keycloakPort, tracesPort, mailPort,
                mailWebPort, services, count, durable);
    }

    /** The settings of {@code ./platform up}: API.md's ports unless the environment says otherwise. */
    public static PlatformSettings fromEnvironment(Path root, Map<String, String> env) {
        return new PlatformSettings(root,
                Path.of(env.getOrDefault("PLATFORM_DATA", root.resolve(".platform-data").toString())).toAbsolutePath(),
                port(env, "POSTGRES_PORT", 15432),
                port(env, "KAFKA_PORT", 9092),
                port(env, "KEYCLOAK_PORT", 8180),
                port(env, "TRACES_PORT", 4318),
                port(env, "MAIL_SMTP_PORT", 3025),
                port(env, "MAIL_WEB_PORT", 8025),
                List.of(new Service("petition-service", port(env, "PETITION_SERVICE_PORT", 8081), "petition"),
                        new Service("assignment-service", port(env, "ASSIGNMENT_SERVICE_PORT", 8082), "assignment"),
                        new Service("followup-service", port(env, "FOLLOWUP_SERVICE_PORT", 8083), "followup"),
                        new Service("reporting-service", port(env, "REPORTING_SERVICE_PORT", 8084), "reporting")),
                port(env, "PLATFORM_REPLICAS", 1), true);
    }

    /**
     * The settings of the end-to-end tests: every port shifted by 10000, so the tests can run
     * beside a platform started by hand, data in a folder of its own, and {@code replicas} instances of
     * every service.
     */
    public static PlatformSettings forTests(Path root, Path dataDir, int replicas) {
        PlatformSettings defaults = fromEnvironment(root, Map.of());
        return new PlatformSettings(root, dataDir.toAbsolutePath(),
                defaults.postgresPort + 10000, defaults.kafkaPort + 10000, defaults.keycloakPort + 10000,
                defaults.tracesPort + 10000, defaults.mailPort + 10000, defaults.mailWebPort + 10000,
                defaults.services.stream()
                        .map(s -> new Service(s.module(), s.port() + 10000, s.database()))
                        .toList(), replicas, false);
    }

    public String issuer() {
        return "http://localhost:" + keycloakPort + "/realms/" + REALM;
    }

    public String kafkaBootstrapServers() {
        return "localhost:" + kafkaPort;
    }

    /** An admin client of the platform's broker that gives up within seconds, for "does it answer?" checks. */
    public Admin kafkaAdmin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        return Admin.create(props);
    }

    public Path logDir() {
        return dataDir.resolve("logs");
    }

    /** Where the Keycloak console's random admin password is kept (user {@code admin}). */
    public Path keycloakAdminPasswordFile() {
        return dataDir.resolve("keycloak-admin-password");
    }

    /** Where the secret of the {@code petitions-reminders} client is kept (Keycloak imports it, assignment reads with it). */
    public Path remindersClientSecretFile() {
        return dataDir.resolve("reminders-client-secret");
    }

    /** The mail catcher's address for a user's mails, as JSON. */
    public String mailboxUrl(String address) {
        return "http://localhost:" + mailWebPort + "/api/user/" + address + "/messages/INBOX";
    }

    /** Where petition-service's key-encryption key is kept (it wraps every petitioner's data key). */
    public Path keyEncryptionKeyFile() {
        return dataDir.resolve("petition-key-encryption-key");
    }

    /**
     * Where the key the petitioners' data keys travel under is kept (the sharing key, {@code DATA_KEY_SHARING_KEY}):
     * petition-service wraps each data key under it on {@code petitioner-data-keys.v1}, assignment- and
     * followup-service unwrap them with it, so every service is given the same one.
     */
    public Path dataKeySharingKeyFile() {
        return dataDir.resolve("data-key-sharing-key");
    }

    /**
     * Where the local PostgreSQL's superuser ({@code postgres}) password is kept: random, made on first start. Every
     * connection to the server proves a password (scram-sha-256); the services connect as roles of their own.
     */
    public Path postgresPasswordFile() {
        return dataDir.resolve("postgres-password");
    }

    /** Where the password of one of the services' database roles ({@code petition_owner}, {@code petition_service}, ...) is kept. */
    public Path postgresRolePasswordFile(String role) {
        return postgresRolesDir().resolve(role);
    }

    /** The folder of the services' database roles' passwords, one file per role. */
    public Path postgresRolesDir() {
        return dataDir.resolve("postgres-roles");
    }

    /** The anchors' signing key (Base64 of the PKCS#8 Ed25519 private key), given to every service as {@code ANCHOR_SIGNING_KEY}. */
    public Path anchorSigningKeyFile() {
        return dataDir.resolve("anchor-signing-key");
    }

    /** The anchors' verifying key (Base64 of the X.509 Ed25519 public key), given as {@code ANCHOR_VERIFYING_KEY}. */
    public Path anchorVerifyingKeyFile() {
        return dataDir.resolve("anchor-verifying-key");
    }

    /** The launcher's copy of every anchor published on {@code event-anchors.v1}: one {@code <service>.jsonl} per service. */
    public Path anchorsDir() {
        return dataDir.resolve("anchors");
    }

    /** Where the launcher keeps the process id of a running part ({@code petition-service}, {@code kafka}, ...). */
    public Path pidFile(String part) {
        return dataDir.resolve("run").resolve(part + ".pid");
    }

    /** PostgreSQL's data folder; its {@code postmaster.pid} names the server process. */
    public Path postgresDataDir() {
        return dataDir.resolve("postgres").resolve("data");
    }

    public String postgresJdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + postgresPort + "/" + database;
    }

    /** The Keycloak distribution the build unpacked from Maven Central. */
    public Path keycloakHome() {
        return root.resolve("deploy/target/keycloak/keycloak-" + KEYCLOAK_VERSION);
    }

    /** GreenMail's standalone jar, copied from Maven Central by the build. */
    public Path mailCatcherJar() {
        return root.resolve("deploy/target/greenmail/greenmail-standalone.jar");
    }

    /** The class path the build wrote for the launcher, which also holds the Kafka broker. */
    public Path launcherClasspathFile() {
        return root.resolve("deploy/target/launcher.classpath");
    }

    /** The petitions realm: roles, clients, token rules, and the reminders client's service account (no people). */
    public Path realmFile() {
        return root.resolve("deploy/realm/petitions-realm.json");
    }

    /** The demo users of the local platform (password = user name), imported beside the realm. */
    public Path demoUsersFile() {
        return root.resolve("deploy/realm/demo-users/petitions-users-0.json");
    }

    public Path serviceJar(Service service) {
        return root.resolve(service.module()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }
}
