package org.lettersvisits.contracts.followup;

import java.time.LocalDate;
import java.util.UUID;

import org.lettersvisits.contracts.Department;
import org.lettersvisits.contracts.EventType;

/** A closed case needs its mandatory return visit, due a configured number of days after the closing date. */
@EventType("return-visit.scheduled.v1")
public record ReturnVisitScheduled(UUID visitId, UUID caseId, String caseNumber, Department department,
        LocalDate closedOn, LocalDate dueBy) implements ReturnVisitEvent {
}
