package org.lettersvisits.petition.domain;

import java.time.LocalDate;
import java.util.UUID;

import org.lettersvisits.contracts.EventType;
import org.lettersvisits.contracts.PersonalText;

/**
 * The petitioner was told in writing whether the matter is accepted (the Regulations on Letters and Visits Work: within
 * 15 days of receipt). Internal to petition-service: the other services do not need it.
 */
@EventType("petition.acceptance-notice-sent.v1")
public record AcceptanceNoticeSent(UUID petitionId, LocalDate sentOn, boolean accepted, @PersonalText String note) implements PetitionEvent {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.acceptanceNoticeSent(this);
    }
}
