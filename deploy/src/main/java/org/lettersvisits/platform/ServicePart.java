package org.lettersvisits.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One of the four Quarkus services, run from its built jar with the platform's addresses. */
final class ServicePart extends ProcessPart {

    private final PlatformSettings settings;
    private final PlatformSettings.Service service;

    ServicePart(PlatformSettings settings, PlatformSettings.Service service) {
        super(service.module(), settings.logDir());
        this.settings = settings;
        this.service = service;
    }

    @Override
    void prepare() throws IOException {
        if (!Files.exists(settings.serviceJar(service))) {
            throw new IOException(service.module() + " is not built: run ./mvnw package first");
        }
    }

    @Override
    List<String> command() {
        return List.of(javaExecutable(), "-Xmx256m", "-jar", settings.serviceJar(service).toString());
    }

    @Override
    Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>(Map.of("QUARKUS_HTTP_PORT", String.valueOf(service.port()),
                "DB_PORT", String.valueOf(settings.postgresPort()),
                "DB_NAME", service.database(),
                "KAFKA_BOOTSTRAP_SERVERS", settings.kafkaBootstrapServers(),
                "OIDC_ISSUER", settings.issuer()));
        // every page links to the others and the supervisor board calls petition-service: tell each service where they are
        for (PlatformSettings.Service page : settings.services()) {
            String name = page.module().replace("-service", "").toUpperCase(Locale.ROOT);
            environment.put("PLATFORM_" + name + "_URL", page.baseUrl());
        }
        return environment;
    }

    @Override
    Path workingDirectory() {
        return settings.root().resolve(service.module());
    }

    @Override
    public boolean isReady() {
        return HttpProbe.answers200(service.baseUrl() + "/q/health/ready");
    }

    @Override
    public String endpoint() {
        return service.baseUrl() + "/  (web page; API docs: " + service.baseUrl() + "/q/swagger-ui)";
    }
}
