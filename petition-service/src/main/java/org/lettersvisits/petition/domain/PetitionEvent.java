package org.lettersvisits.petition.domain;

import java.util.UUID;

/**
 * An event of the Petition aggregate as petition-service records it in its own store. What leaves the
 * service on {@code petition-events} is the public contract in event-contracts ({@code Publication}).
 */
public sealed interface PetitionEvent permits PetitionRegistered, RepeatVisitRecorded, PetitionerErased,
        AcceptanceNoticeSent {

    UUID petitionId();

    /** Hands this event to the one method of {@code visitor} that takes its kind: a new event does not compile until every visitor takes it. */
    <R> R accept(Visitor<R> visitor);

    /** Something done with each kind of petition event. */
    interface Visitor<R> {

        R petitionRegistered(PetitionRegistered e);

        R repeatVisitRecorded(RepeatVisitRecorded e);

        R petitionerErased(PetitionerErased e);

        R acceptanceNoticeSent(AcceptanceNoticeSent e);
    }
}
