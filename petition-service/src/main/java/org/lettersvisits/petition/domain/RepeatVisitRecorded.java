package org.lettersvisits.petition.domain;

import java.time.LocalDate;
import java.util.UUID;

import org.lettersvisits.contracts.EventType;
import org.lettersvisits.contracts.PersonalText;

/**
 * The petitioner came again about the same matter; linked to the case, not counted again. Internal
 * to petition-service (its note may name people); published without the note.
 */
@EventType("petition.repeat-visit-recorded.v1")
public record RepeatVisitRecorded(UUID petitionId, LocalDate receivedOn, String receivedBy, @PersonalText String note)
        implements PetitionEvent {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.repeatVisitRecorded(this);
    }
}
