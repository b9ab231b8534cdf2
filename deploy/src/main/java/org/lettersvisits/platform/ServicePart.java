package org.lettersvisits.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One instance of one of the four Quarkus services, run from its built jar with the platform's addresses. */
public final class ServicePart extends ProcessPart {

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
        return List.of(javaExecutable(), "-Xmx256m", "-jar", settings.serviceJar(instance.service()).toString());
    }

    @Override
    Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>(Map.of("QUARKUS_HTTP_PORT", String.valueOf(instance.port()),
                "DB_PORT", String.valueOf(settings.postgresPort()),
                "DB_NAME", instance.service().database(),
                "KAFKA_BOOTSTRAP_SERVERS", settings.kafkaBootstrapServers(),
                "OIDC_ISSUER", settings.issuer(),
                "PLATFORM_INSTANCE", instance.name(),
                // the local platform: loopback only, the local database's password, the API docs on
                "QUARKUS_HTTP_HOST", "127.0.0.1",
                "DB_PASSWORD", "postgres",
                "QUARKUS_SWAGGER_UI_ENABLE", "true"));
        environment.put("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://127.0.0.1:" + settings.tracesPort());
        environment.put("PETITION_KEY_ENCRYPTION_KEY",
                LocalSecrets.randomBase64(settings.keyEncryptionKeyFile(), 32, Base64.getEncoder()));
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
