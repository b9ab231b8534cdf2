package org.lettersvisits.observability;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The outbox as an operator watches it: {@code lettersvisits_outbox_backlog} (events waiting to be
 * published) and {@code lettersvisits_outbox_oldest_age_seconds} (how long the oldest has waited; 0 when
 * none). Published rows are pruned, so a growing backlog or age means the relay or the broker is stuck.
 * Read from the database every 10 seconds.
 */
@Startup
@ApplicationScoped
@IfBuildProperty(name = "eventstore.outbox.enabled", stringValue = "true", enableIfMissing = true)
public class OutboxMetrics {

    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();

    @Inject
    MeterRegistry registry;

    @Inject
    GaugeRefresh refreshes;

    @Inject
    Pool pool;

    @PostConstruct
    void register() {
        Gauge.builder("lettersvisits.outbox.backlog", backlog, AtomicLong::get)
                .description("Events in the outbox not yet published").register(registry);
        Gauge.builder("lettersvisits.outbox.oldest.age", oldestAgeSeconds, AtomicLong::get).baseUnit("seconds")
                .description("How long the oldest unpublished event has waited").register(registry);
        refreshes.periodically("the outbox metrics", this::refresh);
    }

    Uni<Void> refresh() {
        return pool.query("""
                SELECT count(*) AS backlog,
                       coalesce(extract(epoch FROM now() - min(recorded_at)), 0)::bigint AS oldest
                FROM outbox""").execute()
                .invoke(rows -> rows.forEach(row -> {
                    backlog.set(row.getLong("backlog"));
                    oldestAgeSeconds.set(row.getLong("oldest"));
                }))
                .replaceWithVoid().onFailure().recoverWithNull();
    }
}
