package org.lettersvisits.contracts.petition;

import java.util.UUID;

import org.lettersvisits.contracts.EventType;

/**
 * An administrator erased the petitioner of this petition (PIPL): every service scrubs what its read models hold of
 * the person and of the free text written by or about them (the subject, reasons, resolutions, notes), keeping the
 * case, its dates and every count. Carries nothing but the petition's id: the legal ground and who erased stay in
 * petition-service's erasure ledger.
 */
@EventType("petition.personal-data-erased.v1")
public record PersonalDataErased(UUID petitionId) implements PetitionEvent {

    @Override
    public <R> R accept(PetitionEvent.Visitor<R> visitor) {
        return visitor.personalDataErased(this);
    }
}
