package org.lettersvisits.contracts.assignment;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.lettersvisits.contracts.Department;
import org.lettersvisits.contracts.EventType;
import org.lettersvisits.contracts.PersonalText;

/** The committee assigned a law-and-litigation petition to a department, with a responsible leader and a deadline. */
@EventType("case.assigned.v1")
public record CaseAssigned(UUID caseId, UUID petitionId, String caseNumber, @PersonalText String subject, Department department,
        String responsibleLeader, Difficulty difficulty, LocalDate assignedOn, LocalDate deadline) implements CaseEvent {

    @Override
    public Optional<CaseStatus> newStatus() {
        return Optional.of(CaseStatus.ASSIGNED);
    }

    @Override
    public Optional<Department> newHolder() {
        return Optional.of(department);
    }

    @Override
    public <R> R accept(CaseEvent.Visitor<R> visitor) {
        return visitor.caseAssigned(this);
    }
}
