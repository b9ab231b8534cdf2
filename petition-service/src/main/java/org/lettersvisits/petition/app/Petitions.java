package org.lettersvisits.petition.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.lettersvisits.contracts.Topics;
import org.lettersvisits.eventstore.EventSourcedRepository;
import org.lettersvisits.eventstore.EventStore;
import org.lettersvisits.eventstore.Publishing;
import org.lettersvisits.petition.domain.Petition;
import org.lettersvisits.petition.domain.PetitionCommand;
import org.lettersvisits.petition.domain.PetitionDecider;
import org.lettersvisits.petition.domain.PetitionEvent;
import org.lettersvisits.petition.domain.PublicEvents;

/**
 * The event-sourced repository of petitions: the Petition decider on the service's event store, its
 * events published on {@code petition-events} as their public contract ({@link PublicEvents}).
 */
@ApplicationScoped
public class Petitions {

    /** The aggregate type petitions are stored under. */
    public static final String AGGREGATE_TYPE = "petition";

    /** How petition events leave the service: their public contract on {@code petition-events.v2}. */
    public static final Publishing<PetitionEvent> PUBLISHING = Publishing.<PetitionEvent>asIs(Topics.PETITION_EVENTS)
            .publishedAs(PublicEvents::of);

    @Produces
    @ApplicationScoped
    EventSourcedRepository<PetitionCommand, PetitionEvent, Petition> petitions(EventStore store) {
        return new EventSourcedRepository<>(store, new PetitionDecider(), AGGREGATE_TYPE, PetitionEvent.class, PUBLISHING);
    }
}
