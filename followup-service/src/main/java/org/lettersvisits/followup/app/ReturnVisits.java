package org.lettersvisits.followup.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.lettersvisits.contracts.Topics;
import org.lettersvisits.contracts.followup.ReturnVisitEvent;
import org.lettersvisits.eventstore.EventSourcedRepository;
import org.lettersvisits.eventstore.EventStore;
import org.lettersvisits.eventstore.Publishing;
import org.lettersvisits.followup.domain.ReturnVisit;
import org.lettersvisits.followup.domain.ReturnVisitCommand;
import org.lettersvisits.followup.domain.ReturnVisitDecider;

/**
 * The event-sourced repository of return visits: the ReturnVisit decider on the service's event store,
 * publishing on {@code followup-events.v2} keyed by case id like every other topic.
 */
@ApplicationScoped
public class ReturnVisits {

    public static final String AGGREGATE_TYPE = "return-visit";
    /** Keyed by the case: a case's visits and their outcomes stay in order with each other on one partition. */
    public static final Publishing<ReturnVisitEvent> PUBLISHING = Publishing.<ReturnVisitEvent>asIs(Topics.FOLLOWUP_EVENTS)
            .keyedBy(ReturnVisitEvent::caseId);

    @Produces
    @ApplicationScoped
    EventSourcedRepository<ReturnVisitCommand, ReturnVisitEvent, ReturnVisit> returnVisits(EventStore store) {
        return new EventSourcedRepository<>(store, new ReturnVisitDecider(), AGGREGATE_TYPE, ReturnVisitEvent.class,
                PUBLISHING);
    }
}
