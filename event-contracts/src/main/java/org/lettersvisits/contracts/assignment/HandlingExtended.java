package org.lettersvisits.contracts.assignment;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.lettersvisits.contracts.EventType;
import org.lettersvisits.contracts.PersonalText;

/**
 * The statutory handling period of an accepted case is extended, once, by {@code days} (at most 30 under the
 * Regulations on Letters and Visits Work), with the head's approval and a reason the petitioner is told.
 */
@EventType("case.handling-extended.v1")
public record HandlingExtended(UUID caseId, int days, @PersonalText String reason, LocalDate extendedOn) implements CaseEvent {

    @Override
    public Optional<CaseStatus> newStatus() {
        return Optional.empty();
    }

    @Override
    public <R> R accept(CaseEvent.Visitor<R> visitor) {
        return visitor.handlingExtended(this);
    }
}
