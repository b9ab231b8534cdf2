package org.lettersvisits.contracts.petition;

import java.util.UUID;

/**
 * A public event about a petition, published by petition-service on {@code petition-events} keyed by the
 * petition (= case) id. It carries no personal data.
 */
public sealed interface PetitionEvent permits PetitionRegistered, RepeatVisitRecorded, PersonalDataErased {

    UUID petitionId();

    /**
     * Does something for each kind of PetitionEvent: one method per permitted event, so a new event type does not compile
     * until every visitor says what it does with it.
     */
    <R> R accept(Visitor<R> visitor);

    /** What to do with each PetitionEvent; {@link #accept} calls the method for the event at hand. */
    interface Visitor<R> {

        R petitionRegistered(PetitionRegistered event);

        R repeatVisitRecorded(RepeatVisitRecorded event);

        R personalDataErased(PersonalDataErased event);
    }
}
