package org.lettersvisits.followup.scheduling;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.lettersvisits.contracts.Topics;
import org.lettersvisits.contracts.assignment.CaseAssigned;
import org.lettersvisits.contracts.assignment.CaseClosed;
import org.lettersvisits.contracts.assignment.CasePersonalDataErased;
import org.lettersvisits.followup.app.FollowupDesk;
import org.lettersvisits.followup.worklist.ReturnVisitProjection;
import org.lettersvisits.messaging.InboundEvent;
import org.lettersvisits.messaging.InboundEvents;
import org.lettersvisits.messaging.Subscription;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * Every closure on {@code assignment-events} schedules one return visit, naming the closure by the case's
 * version after it (the record's {@code ce_aggregateversion}). The consumer group's
 * committed offset moves only after the visit is stored, so closures that happen while this service
 * is down are picked up when it comes back, and while its database is away the closure is retried
 * in place until it is stored. The case's petition and subject (from {@code CaseAssigned}) and the closure's resolution
 * go with the visit onto the worklist. A case whose petitioner was erased loses its visits' notes, subject and answer.
 */
@ApplicationScoped
public class ClosedCases implements Subscription {

    private final InboundEvents inbound;
    private final FollowupDesk desk;
    private final ReturnVisitProjection visits;

    ClosedCases(InboundEvents inbound, FollowupDesk desk, ReturnVisitProjection visits) {
        this.inbound = inbound;
        this.desk = desk;
        this.visits = visits;
    }

    @Incoming(Topics.ASSIGNMENT_EVENTS_CHANNEL)
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return inbound.handleBatch(batch, this);
    }

    @Override
    public String name() {
        return "closed-cases";
    }

    @Override
    public Uni<Void> apply(SqlClient tx, InboundEvent event) {
        if (event.event() instanceof CaseAssigned assigned) {
            return visits.rememberCase(tx, assigned.caseId(), assigned.petitionId(), assigned.subject());
        }
        if (event.event() instanceof CaseClosed closed) {
            return desk.scheduleFor(tx, closed, event.version(), event.asCause());
        }
        if (event.event() instanceof CasePersonalDataErased erased) {
            return visits.forgetPersonalText(tx, erased.caseId());
        }
        return Uni.createFrom().voidItem();
    }
}
