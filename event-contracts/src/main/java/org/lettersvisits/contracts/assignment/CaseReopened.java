package org.lettersvisits.contracts.assignment;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.lettersvisits.contracts.Department;
import org.lettersvisits.contracts.EventType;
import org.lettersvisits.contracts.PersonalText;

/** A dissatisfied return visit sent the closed case back to its department. */
@EventType("case.reopened.v1")
public record CaseReopened(UUID caseId, Department department, @PersonalText String reason, LocalDate reopenedOn)
        implements CaseEvent {

    @Override
    public Optional<CaseStatus> newStatus() {
        return Optional.of(CaseStatus.ACCEPTED);
    }

    @Override
    public <R> R accept(CaseEvent.Visitor<R> visitor) {
        return visitor.caseReopened(this);
    }
}
