package org.lettersvisits.observability;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The outbox as an operator watches it: {@code lettersvisits_outbox_backlog} (events waiting to be
 * published) and {@code lettersvisits_outbox_oldest_age_seconds} (how long the oldest has waited; 0 when
 * none). Published rows are pruned, so a growing backlog or age means the relay or the broker is stuck.
 * {@code lettersvisits_outbox_set_aside} counts the events the relay could never publish as they were.
 * Read from the database every 10 seconds.
 */
@Startup
@ApplicationScoped
@IfBuildProperty(name = "eventstore.outbox.enabled", stringValue = "true", enableIfMissing = true)
public class OutboxMetrics {

    private AtomicLong backlog;
    private AtomicLong oldestAgeSeconds;
    private AtomicLong setAside;

    @Inject
    GaugeRefresh refreshes;

    @Inject
    Pool pool;

    @PostConstruct
    void register() {
        backlog = refreshes.gauge("lettersvisits.outbox.backlog", "Events in the outbox not yet published", null);
        oldestAgeSeconds = refreshes.gauge("lettersvisits.outbox.oldest.age",
                "How long the oldest unpublished event has waited", "seconds");
        setAside = refreshes.gauge("lettersvisits.outbox.set.aside",
                "Events the relay could never publish as they were, set aside until a redrive", null);
        refreshes.periodically("the outbox metrics", this::refresh);
    }

    Uni<Void> refresh() {
        return pool.query("""
                SELECT count(*) AS backlog,
                       coalesce(extract(epoch FROM now() - min(recorded_at)), 0)::bigint AS oldest,
                       (SELECT count(*) FROM outbox_set_aside) AS set_aside
                FROM outbox""").execute()
                .invoke(rows -> rows.forEach(row -> {
                    backlog.set(row.getLong("backlog"));
                    oldestAgeSeconds.set(row.getLong("oldest"));
                    setAside.set(row.getLong("set_aside"));
                }))
                .replaceWithVoid();
    }
}
