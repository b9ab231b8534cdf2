package org.lettersvisits.followup.scheduling;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.lettersvisits.eventstore.EventMetadata;
import org.lettersvisits.eventstore.WatcherPass;
import org.lettersvisits.followup.app.FollowupDesk;
import org.lettersvisits.followup.domain.ReturnVisitCommand.MarkReturnVisitOverdue;
import org.lettersvisits.followup.worklist.ReturnVisitQueries;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Records {@code ReturnVisitBecameOverdue} once for each pending visit past its due date; like the
 * case watcher, it appends at the version it read, so a second instance's attempt is a conflict
 * and is ignored.
 */
@ApplicationScoped
public class ReturnVisitWatcher {

    @Inject
    ReturnVisitQueries queries;

    @Inject
    FollowupDesk desk;

    @Scheduled(every = "${followup.overdue.check-every:60s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledCheck() {
        return checkOnce().replaceWithVoid();
    }

    /** One pass; returns how many visits became overdue now. */
    public Uni<Integer> checkOnce() {
        LocalDate today = desk.today();
        return WatcherPass.run(queries.newlyOverdue(today), item -> desk.execute(item.id(),
                new MarkReturnVisitOverdue(today), item.version(), EventMetadata.ofSystem("return-visit-watcher"), null)
                .map(aggregate -> aggregate.version() > item.version()));
    }
}
