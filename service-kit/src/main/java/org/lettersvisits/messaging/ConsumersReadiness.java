package org.lettersvisits.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the event consumers: DOWN while a consumer is retrying a record in place, naming the
 * topic, the record, since when, and the last error; UP again once the record is applied. Liveness
 * is left alone: a consumer waiting for its database is alive, and restarting it would not help.
 */
@Readiness
@ApplicationScoped
public class ConsumersReadiness implements HealthCheck {

    @Inject
    StuckConsumers consumers;

    @Override
    public HealthCheckResponse call() {
        var stuck = consumers.stuck();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("event consumers").status(stuck.isEmpty());
        stuck.forEach((topic, s) -> response.withData(topic, "retrying " + s.record() + " since " + s.since()
                + " (" + s.attempts() + " attempts): " + s.error()));
        return response.build();
    }
}
