package org.lettersvisits.contracts.petition;

import java.time.LocalDate;
import java.util.UUID;

import org.lettersvisits.contracts.EventType;

/** Reception registered a petition; it has a case number and counts once from now on. */
@EventType("petition.registered.v1")
public record PetitionRegistered(
        UUID petitionId,
        String caseNumber,
        Channel channel,
        LocalDate receivedOn,
        String receivedBy,
        Petitioner petitioner,
        int headcount,
        String subject,
        String description,
        boolean involvesLawAndLitigation,
        Escalation escalatedTo,
        boolean jointVisitDay) implements PetitionEvent {
}
