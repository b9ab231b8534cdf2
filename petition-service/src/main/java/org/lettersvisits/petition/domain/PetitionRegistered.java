package org.lettersvisits.petition.domain;

import java.time.LocalDate;
import java.util.UUID;

import org.lettersvisits.contracts.EventType;
import org.lettersvisits.contracts.PersonalText;
import org.lettersvisits.contracts.petition.Channel;
import org.lettersvisits.contracts.petition.Escalation;

/**
 * Reception registered a petition; it has a case number and counts once from now on. Internal to
 * petition-service: it holds the petitioner's personal data, sealed under their own data key, and never
 * leaves the service as it is (what is published is
 * {@link org.lettersvisits.contracts.petition.PetitionRegistered}, without them). Rows stored as
 * {@code petition.registered.v1} held the petitioner in clear; {@code SealingMigration} rewrote them.
 */
@EventType("petition.registered-sealed.v1")
public record PetitionRegistered(
        UUID petitionId,
        String caseNumber,
        Channel channel,
        LocalDate receivedOn,
        String receivedBy,
        SealedPetitioner petitioner,
        int headcount,
        @PersonalText String subject,
        @PersonalText String description,
        boolean involvesLawAndLitigation,
        Escalation escalatedTo,
        boolean jointVisitDay) implements PetitionEvent {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.petitionRegistered(this);
    }
}
