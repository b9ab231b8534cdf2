package org.lettersvisits.assignment.domain;

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
 * What each event does to a case beyond its status and holder (which {@link CaseEvent#newStatus()} and
 * {@link CaseEvent#newHolder()} state for every service): {@code next} is the case with those already applied and its
 * version counted. Pure.
 */
final class CaseEvolution implements CaseEvent.Visitor<CaseFile> {

    private final CaseFile next;

    CaseEvolution(CaseFile next) {
        this.next = next;
    }

    @Override
    public CaseFile caseAssigned(CaseAssigned e) {
        return next;
    }

    @Override
    public CaseFile caseAccepted(CaseAccepted e) {
        return next.withStatutory(next.statutory().accepted(e.acceptedOn()));
    }

    @Override
    public CaseFile caseClosed(CaseClosed e) {
        return next.withStatutory(next.statutory().answered(e.closedOn())).closedNow();
    }

    @Override
    public CaseFile caseSuspended(CaseSuspended e) {
        return next;
    }

    @Override
    public CaseFile caseResumed(CaseResumed e) {
        return next;
    }

    @Override
    public CaseFile caseTransferred(CaseTransferred e) {
        return next;
    }

    @Override
    public CaseFile deadlineChanged(DeadlineChanged e) {
        return next.withDeadline(e.deadline());
    }

    @Override
    public CaseFile caseReopened(CaseReopened e) {
        return next;
    }

    @Override
    public CaseFile caseBecameOverdue(CaseBecameOverdue e) {
        return next.withOverdueRecordedFor(e.deadline());
    }

    @Override
    public CaseFile handlingExtended(HandlingExtended e) {
        return next.withStatutory(next.statutory().extended(e.days()));
    }

    @Override
    public CaseFile caseReviewRequested(CaseReviewRequested e) {
        // the review's deadline is also the case's from now on
        return next.withStatutory(next.statutory().underReviewUntil(e.reviewDue())).withDeadline(e.reviewDue());
    }

    @Override
    public CaseFile casePersonalDataErased(CasePersonalDataErased e) {
        return next.withoutPersonalText();
    }

    /** The file itself is not part of the state: the case's attachments are listed from its history. */
    @Override
    public CaseFile attachmentAdded(AttachmentAdded e) {
        return next;
    }
}
