package org.lettersvisits.followup.scheduling;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.lettersvisits.contracts.Topics;
import org.lettersvisits.contracts.assignment.CaseClosed;
import org.lettersvisits.followup.app.FollowupDesk;
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
 * in place until it is stored.
 */
@ApplicationScoped
public class ClosedCases implements Subscription {

    @Inject
    InboundEvents inbound;

    @Inject
    FollowupDesk desk;

    @Incoming(Topics.ASSIGNMENT_EVENTS)
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return inbound.handleBatch(batch, this);
    }

    @Override
    public String name() {
        return "closed-cases";
    }

    @Override
    public Uni<Void> apply(SqlClient tx, InboundEvent event) {
        return event.event() instanceof CaseClosed closed
                ? desk.scheduleFor(tx, closed, event.version(), event.asCause())
                : Uni.createFrom().voidItem();
    }
}
