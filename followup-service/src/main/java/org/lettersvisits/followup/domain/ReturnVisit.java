package org.lettersvisits.followup.domain;

import java.time.LocalDate;
import java.util.UUID;

import org.lettersvisits.contracts.Department;
import org.lettersvisits.contracts.followup.ReturnVisitCompleted;

/**
 * The state of a return visit: what it is for (the case and the closure, {@code closureVersion} being the case's
 * version after it; null when the visit does not name it), when it is due, and its outcome once completed.
 */
public record ReturnVisit(UUID visitId, UUID caseId, String caseNumber, Department department, LocalDate closedOn,
        LocalDate dueBy, Integer closureVersion, ReturnVisitCompleted outcome, boolean overdueRecorded) {

    public static final ReturnVisit NONE = new ReturnVisit(null, null, null, null, null, null, null, null, false);

    public boolean exists() {
        return visitId != null;
    }

    public boolean completed() {
        return outcome != null;
    }
}
