package org.lettersvisits.contracts.assignment;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.lettersvisits.contracts.Department;
import org.lettersvisits.contracts.EventType;

/** An open case passed its deadline; recorded once per deadline. */
@EventType("case.became-overdue.v1")
public record CaseBecameOverdue(UUID caseId, Department department, LocalDate deadline, LocalDate detectedOn)
        implements CaseEvent {

    @Override
    public Optional<CaseStatus> newStatus() {
        return Optional.empty();
    }

    @Override
    public <R> R accept(CaseEvent.Visitor<R> visitor) {
        return visitor.caseBecameOverdue(this);
    }
}
