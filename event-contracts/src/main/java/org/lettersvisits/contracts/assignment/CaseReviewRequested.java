package org.lettersvisits.contracts.assignment;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.lettersvisits.contracts.Department;
import org.lettersvisits.contracts.EventType;
import org.lettersvisits.contracts.PersonalText;

/**
 * The petitioner, disagreeing with the written answer (the case's closure), asked for a review (复查) within the
 * statutory period: the case is open again, as a review, in the department that answered, to be answered by
 * {@code reviewDue} (the Regulations' 30 days from the request; also the case's deadline from now on).
 */
@EventType("case.review-requested.v1")
public record CaseReviewRequested(UUID caseId, Department department, @PersonalText String reason, LocalDate requestedOn,
        LocalDate reviewDue) implements CaseEvent {

    @Override
    public Optional<CaseStatus> newStatus() {
        return Optional.of(CaseStatus.ACCEPTED);
    }

    @Override
    public <R> R accept(CaseEvent.Visitor<R> visitor) {
        return visitor.caseReviewRequested(this);
    }
}
