package org.lettersvisits.followup.domain;

import java.time.LocalDate;
import java.util.UUID;

import org.lettersvisits.contracts.Department;
import org.lettersvisits.contracts.followup.Satisfaction;

/** What happens to a return visit. */
public sealed interface ReturnVisitCommand {

    /**
     * A case was closed: schedule its return visit. {@code closureVersion} names the closure, the case's version after
     * its CaseClosed (null for a closure published before versions travelled).
     */
    record ScheduleReturnVisit(UUID visitId, UUID caseId, String caseNumber, Department department, LocalDate closedOn,
            LocalDate dueBy, Integer closureVersion) implements ReturnVisitCommand {
    }

    /** The return-visit officer reports the visit. */
    record CompleteReturnVisit(LocalDate visitedOn, String visitor, Satisfaction satisfaction,
            boolean petitionerWithdraws, String notes, boolean reopen) implements ReturnVisitCommand {
    }

    /** The watcher's check: records ReturnVisitBecameOverdue once when a pending visit passes its due date. */
    record MarkReturnVisitOverdue(LocalDate today) implements ReturnVisitCommand {
    }
}
