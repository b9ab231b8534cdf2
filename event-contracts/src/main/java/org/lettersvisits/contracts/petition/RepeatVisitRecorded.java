package org.lettersvisits.contracts.petition;

import java.time.LocalDate;
import java.util.UUID;

import org.lettersvisits.contracts.EventType;

/**
 * The petitioner came again about the same matter; linked to the case, not counted again. Public:
 * the date only (the reception's note stays in petition-service). Version 1 carried the note.
 */
@EventType("petition.repeat-visit-recorded.v2")
public record RepeatVisitRecorded(UUID petitionId, LocalDate receivedOn) implements PetitionEvent {

    @Override
    public <R> R accept(PetitionEvent.Visitor<R> visitor) {
        return visitor.repeatVisitRecorded(this);
    }
}
