package org.lettersvisits.followup.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.lettersvisits.contracts.Topics;
import org.lettersvisits.contracts.followup.ReturnVisitEvent;
import org.lettersvisits.eventstore.EventSourcedRepository;
import org.lettersvisits.eventstore.EventStore;
import org.lettersvisits.eventstore.FreeTextMigration;
import org.lettersvisits.eventstore.Publishing;
import org.lettersvisits.eventstore.Republication;
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

    /**
     * The return visits' history, re-published sealed onto {@code followup-events.v2} at start after the notes stored in
     * clear by earlier versions are sealed in place ({@link FreeTextMigration}).
     */
    @Produces
    @Singleton
    Republication.Spec<ReturnVisitEvent> republication() {
        return new Republication.Spec<>(AGGREGATE_TYPE, ReturnVisitEvent.class, PUBLISHING,
                Topics.replacedBy(Topics.FOLLOWUP_EVENTS));
    }
}
