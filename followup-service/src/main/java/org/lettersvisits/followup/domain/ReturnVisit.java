package org.lettersvisits.followup.domain;

import java.time.LocalDate;
import java.util.UUID;

import org.lettersvisits.contracts.Department;
import org.lettersvisits.contracts.followup.ReturnVisitAttemptFailed;
import org.lettersvisits.contracts.followup.ReturnVisitCompleted;

/**
 * The state of a return visit: what it is for (the case and the closure, {@code closureVersion} being the case's
 * version after it; null when the visit does not name it), when it is due, how often the petitioner could not be
 * reached ({@code failedAttempts}, the latest by its day in {@code lastAttempt}) and its outcome once completed.
 */
public record ReturnVisit(UUID visitId, UUID caseId, String caseNumber, Department department, LocalDate closedOn,
        LocalDate dueBy, Integer closureVersion, ReturnVisitCompleted outcome, boolean overdueRecorded,
        int failedAttempts, ReturnVisitAttemptFailed lastAttempt) {

    public static final ReturnVisit NONE = new ReturnVisit(null, null, null, null, null, null, null, null, false, 0, null);

    public boolean exists() {
        return visitId != null;
    }

    public boolean completed() {
        return outcome != null;
    }

    ReturnVisit completedAs(ReturnVisitCompleted completion) {
        return new ReturnVisit(visitId, caseId, caseNumber, department, closedOn, dueBy, closureVersion, completion,
                overdueRecorded, failedAttempts, lastAttempt);
    }

    ReturnVisit markedOverdue() {
        return new ReturnVisit(visitId, caseId, caseNumber, department, closedOn, dueBy, closureVersion, outcome, true,
                failedAttempts, lastAttempt);
    }

    /**
     * One more try that did not reach the petitioner. Tries may be recorded late, so the latest is the one of the latest
     * day (of two on one day, the one recorded later), not simply the one recorded last.
     */
    ReturnVisit triedWithout(ReturnVisitAttemptFailed attempt) {
        boolean latest = lastAttempt == null || !attempt.attemptedOn().isBefore(lastAttempt.attemptedOn());
        return new ReturnVisit(visitId, caseId, caseNumber, department, closedOn, dueBy, closureVersion, outcome,
                overdueRecorded, failedAttempts + 1, latest ? attempt : lastAttempt);
    }
}
