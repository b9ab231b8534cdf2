package org.lettersvisits.contracts.assignment;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.lettersvisits.contracts.EventType;

/** A suspended case is worked on again. */
@EventType("case.resumed.v1")
public record CaseResumed(UUID caseId, LocalDate resumedOn) implements CaseEvent {

    @Override
    public Optional<CaseStatus> newStatus() {
        return Optional.of(CaseStatus.ACCEPTED);
    }

    @Override
    public <R> R accept(CaseEvent.Visitor<R> visitor) {
        return visitor.caseResumed(this);
    }
}
