package org.lettersvisits.assignment.overdue;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.lettersvisits.assignment.app.CaseDesk;
import org.lettersvisits.assignment.domain.CaseCommand.MarkOverdue;
import org.lettersvisits.assignment.queue.CaseQueries;
import org.lettersvisits.eventstore.EventMetadata;
import org.lettersvisits.eventstore.WatcherPass;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Records {@code CaseBecameOverdue} once for every open case whose deadline has passed. Safe with
 * several instances: each appends at the version it read, so when two see the same case, the
 * event store's optimistic concurrency turns the second append into a conflict, which is ignored.
 */
@ApplicationScoped
public class OverdueWatcher {

    private static final Logger LOG = Logger.getLogger(OverdueWatcher.class);

    @Inject
    CaseQueries queries;

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
        return WatcherPass.run(queries.newlyOverdue(today), line -> desk.execute(line.id(),
                new MarkOverdue(today), line.version(), EventMetadata.ofSystem("overdue-watcher"))
                .map(aggregate -> aggregate.version() > line.version()));
    }
}
