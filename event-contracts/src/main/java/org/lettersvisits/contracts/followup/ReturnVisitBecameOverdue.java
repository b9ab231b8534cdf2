package org.lettersvisits.contracts.followup;

import java.time.LocalDate;
import java.util.UUID;

import org.lettersvisits.contracts.EventType;

/** A return visit was not done by its due date; recorded once. */
@EventType("return-visit.became-overdue.v1")
public record ReturnVisitBecameOverdue(UUID visitId, UUID caseId, LocalDate dueBy, LocalDate detectedOn)
        implements ReturnVisitEvent {

    @Override
    public <R> R accept(ReturnVisitEvent.Visitor<R> visitor) {
        return visitor.returnVisitBecameOverdue(this);
    }
}
