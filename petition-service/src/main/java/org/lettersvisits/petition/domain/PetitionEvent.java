package org.lettersvisits.petition.domain;

import java.util.UUID;

/**
 * An event of the Petition aggregate as petition-service records it in its own store. What leaves the
 * service on {@code petition-events} is the public contract in event-contracts ({@code Publication}).
 */
public sealed interface PetitionEvent permits PetitionRegistered, RepeatVisitRecorded, PetitionerErased,
        AcceptanceNoticeSent {

    UUID petitionId();
}
