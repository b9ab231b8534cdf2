package org.lettersvisits.assignment.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.lettersvisits.assignment.domain.CaseCommand;
import org.lettersvisits.assignment.domain.CaseDecider;
import org.lettersvisits.assignment.domain.CaseFile;
import org.lettersvisits.contracts.Topics;
import org.lettersvisits.contracts.assignment.CaseEvent;
import org.lettersvisits.eventstore.EventSourcedRepository;
import org.lettersvisits.eventstore.EventStore;
import org.lettersvisits.eventstore.Publishing;

/** The event-sourced repository of cases: the Case decider on the service's event store. */
@ApplicationScoped
public class Cases {

    public static final String AGGREGATE_TYPE = "case";
    /** How cases are published: as they are, on assignment-events keyed by the case. */
    public static final Publishing<CaseEvent> PUBLISHING = Publishing.asIs(Topics.ASSIGNMENT_EVENTS);

    @Produces
    @ApplicationScoped
    EventSourcedRepository<CaseCommand, CaseEvent, CaseFile> cases(EventStore store) {
        return new EventSourcedRepository<>(store, new CaseDecider(), AGGREGATE_TYPE, CaseEvent.class, PUBLISHING);
    }
}
