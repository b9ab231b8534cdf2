package org.lettersvisits.followup.scheduling;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.lettersvisits.contracts.assignment.CaseClosed;
import org.lettersvisits.eventstore.InboundEvents;
import org.lettersvisits.followup.app.FollowupDesk;

import io.smallrye.mutiny.Uni;

/**
 * Every closure on {@code assignment-events} schedules one return visit. The consumer group's
 * committed offset moves only after the visit is stored, so closures that happen while this service
 * is down are picked up when it comes back.
 */
@ApplicationScoped
public class ClosedCases {

    @Inject
    InboundEvents inbound;

    @Inject
    FollowupDesk desk;

    @Incoming("assignment-events")
    public Uni<Void> consume(Message<String> message) {
        return inbound.handle(message, (tx, event) -> event.event() instanceof CaseClosed closed
                ? desk.scheduleFor(tx, event.eventId(), closed, event.actor())
                : Uni.createFrom().voidItem());
    }
}
