package org.lettersvisits.assignment.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.lettersvisits.assignment.domain.CaseCommand.ReopenCase;
import org.lettersvisits.contracts.Topics;
import org.lettersvisits.contracts.followup.ReturnVisitCompleted;
import org.lettersvisits.messaging.InboundEvent;
import org.lettersvisits.messaging.InboundEvents;
import org.lettersvisits.messaging.Subscription;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * A dissatisfied return visit that asks for it reopens the case: from {@code followup-events}, a
 * {@code ReturnVisitCompleted} with {@code reopen} sends the closed case back to its department
 * (status ACCEPTED, history kept), in the transaction that records the event as processed. The visit
 * reopens only the closure it was made for ({@code closureVersion}): the visit of an earlier closure of a
 * case reopened and closed again since is a normal outcome, applied without reopening and logged. If the
 * case cannot be reopened (a visit naming no closure, of a case not closed), the event is dead-lettered
 * with the reason, for an administrator to see and redrive once the case is closed.
 */
@ApplicationScoped
public class ReturnVisitOutcomes implements Subscription {

    private static final Logger LOG = Logger.getLogger(ReturnVisitOutcomes.class);

    @Inject
    InboundEvents inbound;

    @Inject
    CaseDesk desk;

    @Incoming(Topics.FOLLOWUP_EVENTS_CHANNEL)
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return inbound.handleBatch(batch, this);
    }

    @Override
    public String name() {
        return "return-visit-outcomes";
    }

    @Override
    public Uni<Void> apply(SqlClient tx, InboundEvent event) {
        if (!(event.event() instanceof ReturnVisitCompleted completed) || !completed.reopen()) {
            return Uni.createFrom().voidItem();
        }
        String reason = "dissatisfied at the return visit" + (completed.notes() == null ? "" : ": " + completed.notes());
        return desk.executeIn(tx, completed.caseId(), new ReopenCase(reason, completed.visitedOn(), completed.closureVersion()),
                event.asCause()).invoke(after -> {
                    boolean reopened = after.history().stream()
                            .anyMatch(e -> event.eventId().equals(e.metadata().causationId()));
                    if (!reopened) {
                        LOG.infof("return visit %s of case %s was made for the closure at version %s; the case has moved on"
                                + " (now %s at version %d, last closed at %d), so it is not reopened", completed.visitId(),
                                completed.caseId(), completed.closureVersion(), after.state().status(), after.version(),
                                after.state().closedAt());
                    }
                }).replaceWithVoid();
    }
}
