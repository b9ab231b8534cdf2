package org.lettersvisits.contracts.assignment;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.lettersvisits.contracts.Department;
import org.lettersvisits.contracts.EventType;
import org.lettersvisits.contracts.PersonalText;

/** The department solved the case; a return visit is due. */
@EventType("case.closed.v1")
public record CaseClosed(UUID caseId, String caseNumber, Department department, @PersonalText String resolution, LocalDate closedOn)
        implements CaseEvent {

    @Override
    public Optional<CaseStatus> newStatus() {
        return Optional.of(CaseStatus.CLOSED);
    }

    @Override
    public <R> R accept(CaseEvent.Visitor<R> visitor) {
        return visitor.caseClosed(this);
    }
}
