package org.lettersvisits.contracts.assignment;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.lettersvisits.contracts.Department;
import org.lettersvisits.contracts.EventType;

/** The holding department accepted the case and works on it. */
@EventType("case.accepted.v1")
public record CaseAccepted(UUID caseId, Department department, LocalDate acceptedOn) implements CaseEvent {

    @Override
    public Optional<CaseStatus> newStatus() {
        return Optional.of(CaseStatus.ACCEPTED);
    }

    @Override
    public <R> R accept(CaseEvent.Visitor<R> visitor) {
        return visitor.caseAccepted(this);
    }
}
