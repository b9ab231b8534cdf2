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

/** The event-sourced repository of cases: the Case decider on the service's event store. */
@ApplicationScoped
public class Cases {

    @Produces
    @ApplicationScoped
    EventSourcedRepository<CaseCommand, CaseEvent, CaseFile> cases(EventStore store) {
        return new EventSourcedRepository<>(store, new CaseDecider(), "case", CaseEvent.class, Topics.ASSIGNMENT_EVENTS);
    }
}
