package org.lettersvisits.petition.privacy;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until the key-encryption keys were found to fit the database ({@link KeyCheckAtStart}). */
@Readiness
@ApplicationScoped
public class KeyCheckReadiness implements HealthCheck {

    private final KeyCheckAtStart check;

    KeyCheckReadiness(KeyCheckAtStart check) {
        this.check = check;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("key-encryption keys").status(check.hasPassed()).build();
    }
}
