package org.lettersvisits.followup.metrics;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.lettersvisits.followup.app.FollowupDesk;
import org.lettersvisits.observability.GaugeRefresh;

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

    private AtomicLong pending;
    private AtomicLong overdue;

    @Inject
    GaugeRefresh refreshes;

    @Inject
    Pool pool;

    @Inject
    FollowupDesk desk;

    @PostConstruct
    void register() {
        pending = refreshes.gauge("lettersvisits.return.visits", "Return visits not done yet", null, "status", "pending");
        overdue = refreshes.gauge("lettersvisits.return.visits", "Return visits not done yet", null, "status", "overdue");
        refreshes.periodically("the return-visit metrics", this::refresh);
    }

    public Uni<Void> refresh() {
        return pool.preparedQuery("""
                SELECT count(*) FILTER (WHERE due_by >= $1) AS pending, count(*) FILTER (WHERE due_by < $1) AS overdue
                FROM return_visit_view WHERE NOT completed""")
                .execute(Tuple.of(desk.today()))
                .invoke(rows -> rows.forEach(row -> {
                    pending.set(row.getLong("pending"));
                    overdue.set(row.getLong("overdue"));
                }))
                .replaceWithVoid();
    }
}
