package org.lettersvisits.contracts.followup;

import java.time.LocalDate;
import java.util.UUID;

import org.lettersvisits.contracts.EventType;

/**
 * The return visit took place: whether the parties were satisfied and whether they stop the lawsuit
 * and drop the visit; {@code reopen} (only when dissatisfied) sends the case back to its department.
 */
@EventType("return-visit.completed.v1")
public record ReturnVisitCompleted(UUID visitId, UUID caseId, LocalDate visitedOn, String visitor,
        Satisfaction satisfaction, boolean petitionerWithdraws, String notes, boolean reopen) implements ReturnVisitEvent {
}
