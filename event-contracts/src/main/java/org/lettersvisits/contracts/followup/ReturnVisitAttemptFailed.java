package org.lettersvisits.contracts.followup;

import java.time.LocalDate;
import java.util.UUID;

import org.lettersvisits.contracts.EventType;
import org.lettersvisits.contracts.PersonalText;

/**
 * The return-visit officer tried to reach the petitioner on {@code attemptedOn} and could not ({@code reason}). A visit
 * may have several; only {@link ReturnVisitCompleted} counts as the visit, so a failed attempt neither completes it
 * nor keeps it from becoming overdue. Public so the petition's timeline can show the tries; {@code notes} are free text
 * about the petitioner, sealed like a completion's.
 */
@EventType("return-visit.attempt-failed.v1")
public record ReturnVisitAttemptFailed(UUID visitId, UUID caseId, LocalDate attemptedOn, String visitor,
        NotReachedReason reason, @PersonalText String notes) implements ReturnVisitEvent {

    @Override
    public <R> R accept(ReturnVisitEvent.Visitor<R> visitor) {
        return visitor.returnVisitAttemptFailed(this);
    }
}
