package org.lettersvisits.contracts.assignment;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.lettersvisits.contracts.Department;
import org.lettersvisits.contracts.EventType;
import org.lettersvisits.contracts.PersonalText;

/** The supervisor moved the case to another department's queue; it waits there to be accepted. */
@EventType("case.transferred.v1")
public record CaseTransferred(UUID caseId, Department fromDepartment, Department toDepartment, @PersonalText String reason,
        LocalDate transferredOn) implements CaseEvent {

    @Override
    public Optional<CaseStatus> newStatus() {
        return Optional.of(CaseStatus.ASSIGNED);
    }

    @Override
    public Optional<Department> newHolder() {
        return Optional.of(toDepartment);
    }

    @Override
    public <R> R accept(CaseEvent.Visitor<R> visitor) {
        return visitor.caseTransferred(this);
    }
}
