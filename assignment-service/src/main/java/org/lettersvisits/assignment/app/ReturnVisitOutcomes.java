package org.lettersvisits.assignment.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.lettersvisits.assignment.domain.CaseCommand.ReopenCase;
import org.lettersvisits.contracts.followup.ReturnVisitCompleted;
import org.lettersvisits.eventstore.CommandRejected;
import org.lettersvisits.eventstore.EventMetadata;
import org.lettersvisits.eventstore.InboundEvents;

import io.smallrye.mutiny.Uni;

/**
 * A dissatisfied return visit that asks for it reopens the case: from {@code followup-events}, a
 * {@code ReturnVisitCompleted} with {@code reopen} sends the closed case back to its department
 * (status ACCEPTED, history kept), in the transaction that records the event as processed.
 */
@ApplicationScoped
public class ReturnVisitOutcomes {

    private static final Logger LOG = Logger.getLogger(ReturnVisitOutcomes.class);

    @Inject
    InboundEvents inbound;

    @Inject
    CaseDesk desk;

    @Incoming("followup-events")
    public Uni<Void> consume(Message<String> message) {
        return inbound.handle(message, (tx, event) -> {
            if (!(event.event() instanceof ReturnVisitCompleted completed) || !completed.reopen()) {
                return Uni.createFrom().voidItem();
            }
            String reason = "dissatisfied at the return visit" + (completed.notes() == null ? "" : ": " + completed.notes());
            return desk.executeIn(tx, completed.caseId(), new ReopenCase(reason, completed.visitedOn()),
                    EventMetadata.causedBy(event.eventId(), event.actor()))
                    .replaceWithVoid()
                    .onFailure(CommandRejected.class).recoverWithUni(rejected -> {
                        LOG.warnf("return visit %s asked to reopen case %s, which is not closed: %s",
                                completed.visitId(), completed.caseId(), rejected.getMessage());
                        return Uni.createFrom().voidItem();
                    });
        });
    }
}
