package org.lettersvisits.petition.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.lettersvisits.contracts.Topics;
import org.lettersvisits.contracts.petition.PetitionEvent;
import org.lettersvisits.eventstore.EventSourcedRepository;
import org.lettersvisits.eventstore.EventStore;
import org.lettersvisits.petition.domain.Petition;
import org.lettersvisits.petition.domain.PetitionCommand;
import org.lettersvisits.petition.domain.PetitionDecider;

/** The event-sourced repository of petitions: the Petition decider on the service's event store. */
@ApplicationScoped
public class Petitions {

    @Produces
    @ApplicationScoped
    EventSourcedRepository<PetitionCommand, PetitionEvent, Petition> petitions(EventStore store) {
        return new EventSourcedRepository<>(store, new PetitionDecider(), "petition", PetitionEvent.class,
                Topics.PETITION_EVENTS);
    }
}
