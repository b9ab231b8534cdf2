package org.lettersvisits.reporting.projection;

import java.time.LocalDate;

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

/**
 * What one case event says about the columns of a case's row beyond its status and holder: the assignment's number,
 * leader and day, the deadline, and the statutory limits' days (accepted on, the extension, answered on, review asked
 * on). Null for what the event does not say. Every case event is named, so a new one does not compile until it says.
 */
record CaseFacts(CaseAssigned assigned, LocalDate deadline, LocalDate acceptedOn, Integer extensionDays,
        LocalDate closedOn, LocalDate reviewRequestedOn) {

    private static final CaseFacts NONE = new CaseFacts(null, null, null, null, null, null);

    static CaseFacts of(CaseEvent event) {
        return event.accept(READER);
    }

    private static final CaseEvent.Visitor<CaseFacts> READER = new CaseEvent.Visitor<>() {

        @Override
        public CaseFacts caseAssigned(CaseAssigned e) {
            return new CaseFacts(e, e.deadline(), null, null, null, null);
        }

        @Override
        public CaseFacts caseAccepted(CaseAccepted e) {
            return new CaseFacts(null, null, e.acceptedOn(), null, null, null);
        }

        @Override
        public CaseFacts caseClosed(CaseClosed e) {
            return new CaseFacts(null, null, null, null, e.closedOn(), null);
        }

        @Override
        public CaseFacts caseSuspended(CaseSuspended e) {
            return NONE;
        }

        @Override
        public CaseFacts caseResumed(CaseResumed e) {
            return NONE;
        }

        @Override
        public CaseFacts caseTransferred(CaseTransferred e) {
            return NONE;
        }

        @Override
        public CaseFacts deadlineChanged(DeadlineChanged e) {
            return new CaseFacts(null, e.deadline(), null, null, null, null);
        }

        @Override
        public CaseFacts caseReopened(CaseReopened e) {
            return NONE;
        }

        @Override
        public CaseFacts caseBecameOverdue(CaseBecameOverdue e) {
            return NONE;
        }

        @Override
        public CaseFacts handlingExtended(HandlingExtended e) {
            return new CaseFacts(null, null, null, e.days(), null, null);
        }

        @Override
        public CaseFacts casePersonalDataErased(CasePersonalDataErased e) {
            return NONE;
        }

        @Override
        public CaseFacts caseReviewRequested(CaseReviewRequested e) {
            // the review's deadline is also the case's from now on
            return new CaseFacts(null, e.reviewDue(), null, null, null, e.requestedOn());
        }

        @Override
        public CaseFacts attachmentAdded(AttachmentAdded e) {
            return NONE; // a file on the case: nothing the reports count
        }
    };
}
