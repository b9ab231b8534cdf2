package org.lettersvisits.testsupport;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Points a service at a PostgreSQL and a Kafka broker that do not answer (port 1 on this
 * machine), without migrating at start, to see what its readiness check says then.
 */
public class UnreachableInfrastructureProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.datasource.reactive.url", "postgresql://localhost:1/unreachable",
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:1/unreachable",
                "quarkus.datasource.username", "postgres",
                "quarkus.flyway.migrate-at-start", "false",
                "quarkus.oidc.public-key", TestTokens.publicKey(),
                "kafka.bootstrap.servers", "localhost:1",
                "kafka.default.api.timeout.ms", "3000",
                "kafka.request.timeout.ms", "3000");
    }

    /** Keeps {@link RealInfrastructure} (which other test classes apply globally) out of this profile. */
    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}
