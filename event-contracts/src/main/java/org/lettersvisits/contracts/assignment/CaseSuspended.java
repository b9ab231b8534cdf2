package org.lettersvisits.contracts.assignment;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.lettersvisits.contracts.Department;
import org.lettersvisits.contracts.EventType;
import org.lettersvisits.contracts.PersonalText;

/** The department dismissed or suspended the case, with a reason. */
@EventType("case.suspended.v1")
public record CaseSuspended(UUID caseId, Department department, @PersonalText String reason, LocalDate suspendedOn)
        implements CaseEvent {

    @Override
    public Optional<CaseStatus> newStatus() {
        return Optional.of(CaseStatus.SUSPENDED);
    }

    @Override
    public <R> R accept(CaseEvent.Visitor<R> visitor) {
        return visitor.caseSuspended(this);
    }
}
