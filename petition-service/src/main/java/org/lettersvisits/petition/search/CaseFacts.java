package org.lettersvisits.petition.search;

import java.util.Map;

import org.lettersvisits.contracts.assignment.CaseAccepted;
import org.lettersvisits.contracts.assignment.CaseAssigned;
import org.lettersvisits.contracts.assignment.CaseBecameOverdue;
import org.lettersvisits.contracts.assignment.CaseClosed;
import org.lettersvisits.contracts.assignment.CaseEvent;
import org.lettersvisits.contracts.assignment.CaseReopened;
import org.lettersvisits.contracts.assignment.CaseResumed;
import org.lettersvisits.contracts.assignment.CaseReviewRequested;
import org.lettersvisits.contracts.assignment.CaseSuspended;
import org.lettersvisits.contracts.assignment.CaseTransferred;
import org.lettersvisits.contracts.assignment.DeadlineChanged;
import org.lettersvisits.contracts.assignment.HandlingExtended;

/** What a timeline entry says about an event of the petition's case ({@link TimelineFacts}). */
final class CaseFacts implements CaseEvent.Visitor<Map<String, Object>> {

    static final CaseFacts INSTANCE = new CaseFacts();

    private CaseFacts() {
    }

    @Override
    public Map<String, Object> caseAssigned(CaseAssigned e) {
        return TimelineFacts.of("department", e.department(), "responsibleLeader", e.responsibleLeader(),
                "difficulty", e.difficulty(), "assignedOn", e.assignedOn(), "deadline", e.deadline());
    }

    @Override
    public Map<String, Object> caseAccepted(CaseAccepted e) {
        return TimelineFacts.of("acceptedOn", e.acceptedOn());
    }

    @Override
    public Map<String, Object> caseTransferred(CaseTransferred e) {
        return TimelineFacts.of("fromDepartment", e.fromDepartment(), "toDepartment", e.toDepartment(),
                "reason", e.reason());
    }

    @Override
    public Map<String, Object> caseClosed(CaseClosed e) {
        return TimelineFacts.of("resolution", e.resolution(), "closedOn", e.closedOn());
    }

    @Override
    public Map<String, Object> caseSuspended(CaseSuspended e) {
        return TimelineFacts.of("reason", e.reason());
    }

    @Override
    public Map<String, Object> caseResumed(CaseResumed e) {
        return TimelineFacts.of();
    }

    @Override
    public Map<String, Object> deadlineChanged(DeadlineChanged e) {
        return TimelineFacts.of("previousDeadline", e.previousDeadline(), "deadline", e.deadline(), "reason", e.reason());
    }

    @Override
    public Map<String, Object> caseReopened(CaseReopened e) {
        return TimelineFacts.of("department", e.department(), "reason", e.reason());
    }

    @Override
    public Map<String, Object> caseReviewRequested(CaseReviewRequested e) {
        return TimelineFacts.of("requestedOn", e.requestedOn(), "reviewDue", e.reviewDue(), "reason", e.reason());
    }

    @Override
    public Map<String, Object> handlingExtended(HandlingExtended e) {
        return TimelineFacts.of("days", e.days(), "reason", e.reason());
    }

    @Override
    public Map<String, Object> caseBecameOverdue(CaseBecameOverdue e) {
        return TimelineFacts.of("deadline", e.deadline());
    }
}
