package org.lettersvisits.contracts.petition;

import java.util.UUID;

/**
 * A public event about a petition, published by petition-service on {@code petition-events} keyed by the
 * petition (= case) id. It carries no personal data.
 */
public sealed interface PetitionEvent permits PetitionRegistered, RepeatVisitRecorded {

    UUID petitionId();
}
