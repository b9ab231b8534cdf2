package org.lettersvisits.contracts.petition;

import java.util.UUID;

/** An event of the Petition aggregate, published on {@code petition-events} keyed by the petition id. */
public sealed interface PetitionEvent permits PetitionRegistered, RepeatVisitRecorded {

    UUID petitionId();
}
