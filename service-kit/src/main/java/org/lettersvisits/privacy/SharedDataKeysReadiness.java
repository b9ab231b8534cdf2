package org.lettersvisits.privacy;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.quarkus.arc.properties.IfBuildProperty;

/**
 * Ready once the shared data keys were read to the end of their topic (before that, sealed text cannot be opened) and
 * while every key read opened.
 */
@Readiness
@ApplicationScoped
@IfBuildProperty(name = "lettersvisits.privacy.data-keys", stringValue = "shared")
public class SharedDataKeysReadiness implements HealthCheck {

    private final SharedDataKeys keys;

    SharedDataKeysReadiness(SharedDataKeys keys) {
        this.keys = keys;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("data keys").status(keys.caughtUp() && keys.problem().isEmpty())
                .withData("keys", keys.size());
        keys.problem().ifPresent(problem -> response.withData("problem", problem));
        keys.readProblem().ifPresent(problem -> response.withData("reading", problem));
        return response.build();
    }
}
