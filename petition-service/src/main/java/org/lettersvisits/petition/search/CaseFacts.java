package org.lettersvisits.petition.search;

import org.lettersvisits.contracts.assignment.AttachmentAdded;
import org.lettersvisits.contracts.assignment.CaseAccepted;
import org.lettersvisits.contracts.assignment.CaseAssigned;
import org.lettersvisits.contracts.assignment.CaseBecameOverdue;
import org.lettersvisits.contracts.assignment.CaseClosed;
import org.lettersvisits.contracts.assignment.CaseEvent;
import org.lettersvisits.contracts.assignment.CasePersonalDataErased;
import org.lettersvisits.contracts.assignment.CaseReopened;
import org.lettersvisits.contracts.assignment.CaseResumed;
import org.lettersvisits.contracts.assignment.CaseReviewRequested;
import org.lettersvisits.contracts.assignment.CaseSuspended;
import org.lettersvisits.contracts.assignment.CaseTransferred;
import org.lettersvisits.contracts.assignment.DeadlineChanged;
import org.lettersvisits.contracts.assignment.HandlingExtended;

/** What a timeline entry says about an event of the petition's case ({@link TimelineFacts}). */
final class CaseFacts implements CaseEvent.Visitor<TimelineFacts> {

    static final CaseFacts INSTANCE = new CaseFacts();

    private CaseFacts() {
    }

    @Override
    public TimelineFacts caseAssigned(CaseAssigned e) {
        return TimelineFacts.of("department", e.department())
                .and("responsibleLeader", e.responsibleLeader())
                .and("difficulty", e.difficulty())
                .and("assignedOn", e.assignedOn())
                .and("deadline", e.deadline());
    }

    @Override
    public TimelineFacts caseAccepted(CaseAccepted e) {
        return TimelineFacts.of("acceptedOn", e.acceptedOn());
    }

    @Override
    public TimelineFacts caseTransferred(CaseTransferred e) {
        return TimelineFacts.of("fromDepartment", e.fromDepartment())
                .and("toDepartment", e.toDepartment())
                .and("reason", e.reason());
    }

    @Override
    public TimelineFacts caseClosed(CaseClosed e) {
        return TimelineFacts.of("resolution", e.resolution())
                .and("closedOn", e.closedOn());
    }

    @Override
    public TimelineFacts caseSuspended(CaseSuspended e) {
        return TimelineFacts.of("reason", e.reason());
    }

    @Override
    public TimelineFacts caseResumed(CaseResumed e) {
        return TimelineFacts.none();
    }

    @Override
    public TimelineFacts deadlineChanged(DeadlineChanged e) {
        return TimelineFacts.of("previousDeadline", e.previousDeadline())
                .and("deadline", e.deadline())
                .and("reason", e.reason());
    }

    @Override
    public TimelineFacts caseReopened(CaseReopened e) {
        return TimelineFacts.of("department", e.department())
                .and("reason", e.reason());
    }

    @Override
    public TimelineFacts caseReviewRequested(CaseReviewRequested e) {
        return TimelineFacts.of("requestedOn", e.requestedOn())
                .and("reviewDue", e.reviewDue())
                .and("reason", e.reason());
    }

    @Override
    public TimelineFacts handlingExtended(HandlingExtended e) {
        return TimelineFacts.of("days", e.days())
                .and("reason", e.reason());
    }

    @Override
    public TimelineFacts caseBecameOverdue(CaseBecameOverdue e) {
        return TimelineFacts.of("deadline", e.deadline());
    }

    @Override
    public TimelineFacts casePersonalDataErased(CasePersonalDataErased e) {
        return TimelineFacts.none();
    }

    /** The file's name (personal text: it goes with an erasure, as every such fact does), its type and size; never its bytes. */
    @Override
    public TimelineFacts attachmentAdded(AttachmentAdded e) {
        return TimelineFacts.of("name", e.name())
                .and("mediaType", e.mediaType())
                .and("size", e.size());
    }
}
