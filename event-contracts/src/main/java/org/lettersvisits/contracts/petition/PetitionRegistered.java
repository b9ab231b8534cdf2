package org.lettersvisits.contracts.petition;

import java.time.LocalDate;
import java.util.UUID;

import org.lettersvisits.contracts.EventType;
import org.lettersvisits.contracts.PersonalText;

/**
 * Reception registered a petition; it has a case number and counts once from now on. The public
 * contract on {@code petition-events}: what assignment and reporting need, and no personal data (no
 * petitioner, not even a name; a reader who may see them asks petition-service by the petition's id).
 * Version 1 carried the petitioner; it is read as this version without them.
 */
@EventType("petition.registered.v2")
public record PetitionRegistered(
        UUID petitionId,
        String caseNumber,
        Channel channel,
        LocalDate receivedOn,
        int headcount,
        @PersonalText String subject,
        boolean involvesLawAndLitigation,
        Escalation escalatedTo,
        boolean jointVisitDay) implements PetitionEvent {

    @Override
    public <R> R accept(PetitionEvent.Visitor<R> visitor) {
        return visitor.petitionRegistered(this);
    }
}
