package org.lettersvisits.petition.domain;

import java.util.UUID;

import org.lettersvisits.contracts.EventType;

/**
 * An administrator erased the petitioner's personal data (PIPL): the data key is gone, so the sealed
 * petitioner in {@link PetitionRegistered} can no longer be read. The petition, its case and every
 * count stay. Published as {@code PersonalDataErased} (its id only), so every service scrubs its copies of the free text.
 */
@EventType("petition.petitioner-erased.v1")
public record PetitionerErased(UUID petitionId, String reason) implements PetitionEvent {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.petitionerErased(this);
    }
}
