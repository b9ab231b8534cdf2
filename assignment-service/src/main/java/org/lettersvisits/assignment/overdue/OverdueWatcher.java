package org.lettersvisits.assignment.overdue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.lettersvisits.assignment.app.CaseDesk;
import org.lettersvisits.assignment.domain.CaseCommand.MarkOverdue;
import org.lettersvisits.contracts.assignment.CaseRules;
import org.lettersvisits.eventstore.EventMetadata;
import org.lettersvisits.eventstore.WatcherPass;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Records {@code CaseBecameOverdue} once for every open case whose deadline has passed. Safe with
 * several instances: each appends at the version it read, so when two see the same case, the
 * event store's optimistic concurrency turns the second append into a conflict, which is ignored.
 */
@ApplicationScoped
public class OverdueWatcher {

    private static final Logger LOG = Logger.getLogger(OverdueWatcher.class);

    /** A case to mark: its id and the version the mark is appended at. */
    record Due(UUID id, int version) {
    }

    @Inject
    Pool pool;

    @Inject
    CaseDesk desk;

    @Scheduled(every = "${assignment.overdue.check-every:60s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledCheck() {
        return checkOnce().invoke(n -> {
            if (n > 0) {
                LOG.infof("%d case(s) became overdue", n);
            }
        }).replaceWithVoid();
    }

    /** One pass over the open cases past their deadline; returns how many became overdue now. */
    public Uni<Integer> checkOnce() {
        LocalDate today = desk.today();
        return WatcherPass.run(newlyOverdue(today), line -> desk.execute(line.id(),
                new MarkOverdue(today), line.version(), EventMetadata.ofSystem("overdue-watcher"))
                .map(aggregate -> aggregate.version() > line.version()));
    }

    /** Open cases past their deadline for which CaseBecameOverdue has not been recorded yet (for this deadline). */
    Uni<List<Due>> newlyOverdue(LocalDate today) {
        return pool.preparedQuery("SELECT id, version FROM case_view WHERE " + CaseRules.overdueSql("status", "deadline", "$1")
                + " AND overdue_recorded_for IS DISTINCT FROM deadline")
                .execute(Tuple.of(today)).map(rows -> {
                    List<Due> due = new ArrayList<>();
                    rows.forEach(row -> due.add(new Due(row.getUUID("id"), row.getInteger("version"))));
                    return due;
                });
    }
}
