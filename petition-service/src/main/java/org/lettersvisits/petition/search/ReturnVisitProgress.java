package org.lettersvisits.petition.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.lettersvisits.contracts.followup.ReturnVisitEvent;
import org.lettersvisits.eventstore.InboundEvents;

import io.smallrye.mutiny.Uni;

/** Shows a petition's return visits and their outcome in its timeline, from {@code followup-events}. */
@ApplicationScoped
public class ReturnVisitProgress {

    @Inject
    InboundEvents inbound;

    @Inject
    PetitionTimeline timeline;

    @Incoming("followup-events")
    public Uni<Void> consume(Message<String> message) {
        return inbound.handle(message, (tx, event) -> event.event() instanceof ReturnVisitEvent visit
                ? timeline.add(tx, event, visit.caseId())
                : Uni.createFrom().voidItem());
    }
}
