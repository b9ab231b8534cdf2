package org.lettersvisits.followup.metrics;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.lettersvisits.followup.app.FollowupDesk;
import org.lettersvisits.observability.GaugeRefresh;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The return-visit worklist as metrics: {@code lettersvisits_return_visits{status="pending"}} (not done,
 * still in time) and {@code {status="overdue"}} (not done, past its due date). Read every 10 seconds.
 */
@Startup
@ApplicationScoped
public class ReturnVisitMetrics {

    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong overdue = new AtomicLong();

    @Inject
    MeterRegistry registry;

    @Inject
    GaugeRefresh refreshes;

    @Inject
    Pool pool;

    @Inject
    FollowupDesk desk;

    @PostConstruct
    void register() {
        Gauge.builder("lettersvisits.return.visits", pending, AtomicLong::get).tag("status", "pending")
                .description("Return visits not done yet").register(registry);
        Gauge.builder("lettersvisits.return.visits", overdue, AtomicLong::get).tag("status", "overdue")
                .description("Return visits not done yet").register(registry);
        refreshes.periodically("the return-visit metrics", this::refresh);
    }

    Uni<Void> refresh() {
        return pool.preparedQuery("""
                SELECT count(*) FILTER (WHERE due_by >= $1) AS pending, count(*) FILTER (WHERE due_by < $1) AS overdue
                FROM return_visit_view WHERE NOT completed""")
                .execute(Tuple.of(desk.today()))
                .invoke(rows -> rows.forEach(row -> {
                    pending.set(row.getLong("pending"));
                    overdue.set(row.getLong("overdue"));
                }))
                .replaceWithVoid().onFailure().recoverWithNull();
    }
}
