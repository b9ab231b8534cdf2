package org.lettersvisits.assignment.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.lettersvisits.assignment.domain.CaseCommand;
import org.lettersvisits.assignment.domain.CaseDecider;
import org.lettersvisits.assignment.domain.CaseFile;
import org.lettersvisits.contracts.Topics;
import org.lettersvisits.contracts.assignment.CaseEvent;
import org.lettersvisits.eventstore.EventSourcedRepository;
import org.lettersvisits.eventstore.EventStore;
import org.lettersvisits.eventstore.FreeTextMigration;
import org.lettersvisits.eventstore.Publishing;
import org.lettersvisits.eventstore.Republication;

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

    /**
     * The cases' history, re-published sealed onto {@code assignment-events.v2} at start after the free text stored in
     * clear by earlier versions is sealed in place ({@link FreeTextMigration}).
     */
    @Produces
    @Singleton
    Republication.Spec<CaseEvent> republication() {
        return new Republication.Spec<>(AGGREGATE_TYPE, CaseEvent.class, PUBLISHING, Topics.replacedBy(Topics.ASSIGNMENT_EVENTS));
    }
}
