package org.lettersvisits.assignment.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
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
 * (status ACCEPTED, history kept), in the transaction that records the event as processed. If the
 * case cannot be reopened (it is not closed), the event is dead-lettered with the reason, for an
 * administrator to see and redrive once the case is closed.
 */
@ApplicationScoped
public class ReturnVisitOutcomes implements Subscription {

    @Inject
    InboundEvents inbound;

    @Inject
    CaseDesk desk;

    @Incoming(Topics.FOLLOWUP_EVENTS)
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
        return desk.executeIn(tx, completed.caseId(), new ReopenCase(reason, completed.visitedOn()),
                event.asCause()).replaceWithVoid();
    }
}
