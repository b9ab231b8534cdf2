package org.lettersvisits.contracts.followup;

import java.time.LocalDate;
import java.util.UUID;

import org.lettersvisits.contracts.Department;
import org.lettersvisits.contracts.EventType;

/**
 * A closed case needs its mandatory return visit, due a configured number of days after the closing date.
 * {@code closureVersion} names the closure the visit is for: the case's version after its {@code CaseClosed}
 * (that record's {@code ce_aggregateversion}); null for visits scheduled before closures were named, or for a
 * closure published before versions travelled.
 */
@EventType("return-visit.scheduled.v1")
public record ReturnVisitScheduled(UUID visitId, UUID caseId, String caseNumber, Department department,
        LocalDate closedOn, LocalDate dueBy, Integer closureVersion) implements ReturnVisitEvent {

    /** A visit that does not name its closure, as scheduled before closures were named. */
    public ReturnVisitScheduled(UUID visitId, UUID caseId, String caseNumber, Department department, LocalDate closedOn,
            LocalDate dueBy) {
        this(visitId, caseId, caseNumber, department, closedOn, dueBy, null);
    }

    @Override
    public <R> R accept(ReturnVisitEvent.Visitor<R> visitor) {
        return visitor.returnVisitScheduled(this);
    }
}
