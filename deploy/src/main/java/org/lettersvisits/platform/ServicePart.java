package org.lettersvisits.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One instance of one of the four Quarkus services, run from its built jar with the platform's addresses. */
public final class ServicePart extends ProcessPart {

    /**
     * The JVM sized for a service on a small machine, as measured by {@code ./platform benchmark} (docs/operations.md,
     * "Performance"): the live heap after a load is about 30 MB, so a 96 MB heap under the serial collector instead
     * of G1 growing towards 256 MB; only the C1 compiler (no C2: its compilations took more CPU than the event loops
     * during a warm-up, and it needs memory and time of its own), which started the four services in 12 s instead
     * of 17-21 s and left intake, consumers and the rebuild as fast, since the two cores are shared by the whole
     * platform. {@code SERVICE_JAVA_OPTS} replaces them.
     */
    static final String JVM_OPTIONS = "-XX:+UseSerialGC -Xms16m -Xmx96m -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError";

    private final PlatformSettings settings;
    private final PlatformSettings.Instance instance;

    public ServicePart(PlatformSettings settings, PlatformSettings.Instance instance) {
        super(instance.name(), settings.logDir());
        this.settings = settings;
        this.instance = instance;
    }

    /** The service this is an instance of, e.g. {@code petition-service}. */
    public String module() {
        return instance.service().module();
    }

    @Override
    void prepare() throws IOException {
        if (!Files.exists(settings.serviceJar(instance.service()))) {
            throw new IOException(module() + " is not built: run ./mvnw package first");
        }
    }

    @Override
    List<String> command() {
        List<String> command = new ArrayList<>(List.of(javaExecutable()));
        command.addAll(List.of(System.getenv().getOrDefault("SERVICE_JAVA_OPTS", JVM_OPTIONS).trim().split("\\s+")));
        command.addAll(List.of("-jar", settings.serviceJar(instance.service()).toString()));
        return command;
    }

    @Override
    Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>(Map.of("QUARKUS_HTTP_PORT", String.valueOf(instance.port()),
                "DB_PORT", String.valueOf(settings.postgresPort()),
                "DB_NAME", instance.service().database(),
                "KAFKA_BOOTSTRAP_SERVERS", settings.kafkaBootstrapServers(),
                "OIDC_ISSUER", settings.issuer(),
                "PLATFORM_INSTANCE", instance.name(),
                // the local platform: loopback only, the API docs on
                "QUARKUS_HTTP_HOST", "127.0.0.1",
                "QUARKUS_SWAGGER_UI_ENABLE", "true"));
        // least privilege: the service connects as its own role, Flyway migrates as the database's owner
        PlatformSettings.Service service = instance.service();
        environment.put("DB_USER", service.serviceRole());
        environment.put("DB_PASSWORD", LocalDatabase.rolePassword(settings, service.serviceRole()));
        environment.put("DB_OWNER_USER", service.ownerRole());
        environment.put("DB_OWNER_PASSWORD", LocalDatabase.rolePassword(settings, service.ownerRole()));
        // the key pair the services sign their event log's anchors with and check them by: one for all of them
        LocalSecrets.AnchorKeys anchorKeys = LocalSecrets.anchorKeys(settings);
        environment.put("ANCHOR_SIGNING_KEY", anchorKeys.signing());
        environment.put("ANCHOR_VERIFYING_KEY", anchorKeys.verifying());
        // glibc keeps a malloc arena per thread that allocated (up to 8 per core): two are plenty for an event-loop
        // service and keep its native memory down
        environment.put("MALLOC_ARENA_MAX", "2");
        environment.put("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://127.0.0.1:" + settings.tracesPort());
        // mail goes to the local mail catcher; the reminder digests read addresses from Keycloak
        environment.put("MAIL_HOST", "127.0.0.1");
        environment.put("MAIL_PORT", String.valueOf(settings.mailPort()));
        environment.put("MAIL_START_TLS", "DISABLED");
        environment.put("REMINDERS_DIRECTORY_URL", "http://localhost:" + settings.keycloakPort());
        environment.put("REMINDERS_CLIENT_SECRET", KeycloakPart.remindersClientSecret(settings));
        environment.put("PETITION_KEY_ENCRYPTION_KEY",
                LocalSecrets.randomBase64(settings.keyEncryptionKeyFile(), 32, Base64.getEncoder()));
        // the key the data keys travel under between petition-, assignment- and followup-service: one for all of them
        environment.put("DATA_KEY_SHARING_KEY",
                LocalSecrets.randomBase64(settings.dataKeySharingKeyFile(), 32, Base64.getEncoder()));
        // every page links to the others and the supervisor board calls petition-service: tell each service where
        // they are (the services' own addresses, which the balancer answers when there are replicas)
        for (PlatformSettings.Service page : settings.services()) {
            String name = page.module().replace("-service", "").toUpperCase(Locale.ROOT);
            environment.put("PLATFORM_" + name + "_URL", page.baseUrl());
        }
        return environment;
    }

    @Override
    Path workingDirectory() {
        return settings.root().resolve(module());
    }

    @Override
    public boolean isReady() {
        return HttpProbe.answers200(instance.baseUrl() + "/q/health/ready");
    }

    @Override
    public String endpoint() {
        return instance.baseUrl() + "/  (web page; API docs: " + instance.baseUrl() + "/q/swagger-ui)";
    }
}
