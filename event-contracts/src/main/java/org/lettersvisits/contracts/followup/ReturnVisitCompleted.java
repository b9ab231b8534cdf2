package org.lettersvisits.contracts.followup;

import java.time.LocalDate;
import java.util.UUID;

import org.lettersvisits.contracts.EventType;
import org.lettersvisits.contracts.PersonalText;

/**
 * The return visit took place: whether the parties were satisfied and whether they stop the lawsuit
 * and drop the visit; {@code reopen} (only when dissatisfied) sends the case back to its department, but only
 * from the closure the visit was made for: {@code closureVersion}, the case's version after that closure (as in
 * {@link ReturnVisitScheduled}), null for a visit that does not name it (completed before closures were named).
 */
@EventType("return-visit.completed.v1")
public record ReturnVisitCompleted(UUID visitId, UUID caseId, LocalDate visitedOn, String visitor,
        Satisfaction satisfaction, boolean petitionerWithdraws, @PersonalText String notes, boolean reopen, Integer closureVersion)
        implements ReturnVisitEvent {

    /** A visit that does not name its closure, as completed before closures were named. */
    public ReturnVisitCompleted(UUID visitId, UUID caseId, LocalDate visitedOn, String visitor, Satisfaction satisfaction,
            boolean petitionerWithdraws, String notes, boolean reopen) {
        this(visitId, caseId, visitedOn, visitor, satisfaction, petitionerWithdraws, notes, reopen, null);
    }

    @Override
    public <R> R accept(ReturnVisitEvent.Visitor<R> visitor) {
        return visitor.returnVisitCompleted(this);
    }
}
