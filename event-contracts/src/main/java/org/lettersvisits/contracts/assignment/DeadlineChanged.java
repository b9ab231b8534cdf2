package org.lettersvisits.contracts.assignment;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.lettersvisits.contracts.EventType;
import org.lettersvisits.contracts.PersonalText;

/** A supervisor or leader set a new deadline, with a reason; the old one stays in the history. */
@EventType("case.deadline-changed.v1")
public record DeadlineChanged(UUID caseId, LocalDate previousDeadline, LocalDate deadline, @PersonalText String reason)
        implements CaseEvent {

    @Override
    public Optional<CaseStatus> newStatus() {
        return Optional.empty();
    }

    @Override
    public <R> R accept(CaseEvent.Visitor<R> visitor) {
        return visitor.deadlineChanged(this);
    }
}
