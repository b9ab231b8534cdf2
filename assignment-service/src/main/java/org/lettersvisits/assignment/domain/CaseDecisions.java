package org.lettersvisits.assignment.domain;

import java.time.LocalDate;
import java.util.List;

import org.lettersvisits.assignment.domain.CaseCommand.AcceptCase;
import org.lettersvisits.assignment.domain.CaseCommand.AddAttachment;
import org.lettersvisits.assignment.domain.CaseCommand.AssignCase;
import org.lettersvisits.assignment.domain.CaseCommand.ChangeDeadline;
import org.lettersvisits.assignment.domain.CaseCommand.CloseCase;
import org.lettersvisits.assignment.domain.CaseCommand.ErasePersonalData;
import org.lettersvisits.assignment.domain.CaseCommand.ExtendHandling;
import org.lettersvisits.assignment.domain.CaseCommand.MarkOverdue;
import org.lettersvisits.assignment.domain.CaseCommand.ReopenCase;
import org.lettersvisits.assignment.domain.CaseCommand.RequestReview;
import org.lettersvisits.assignment.domain.CaseCommand.ResumeCase;
import org.lettersvisits.assignment.domain.CaseCommand.SuspendCase;
import org.lettersvisits.assignment.domain.CaseCommand.TransferCase;
import org.lettersvisits.contracts.assignment.AttachmentAdded;
import org.lettersvisits.contracts.assignment.CaseAccepted;
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
import org.lettersvisits.eventstore.CommandRejected;
import org.lettersvisits.eventstore.CommandRejected.Reason;

/**
 * What each command decides about an existing case whose status allows it ({@link CaseDecider#ALLOWED_FROM} was
 * checked before): the events it records, or a refusal for what the case's days forbid. Pure.
 */
final class CaseDecisions implements CaseCommand.Visitor<List<CaseEvent>> {

    private final CaseFile state;

    CaseDecisions(CaseFile state) {
        this.state = state;
    }

    @Override
    public List<CaseEvent> assignCase(AssignCase command) {
        throw new CommandRejected(Reason.FORBIDDEN_TRANSITION, "petition already has a case (" + state.status() + ")");
    }

    @Override
    public List<CaseEvent> acceptCase(AcceptCase c) {
        notBeforeAssignment(c.acceptedOn(), "accepted");
        return List.of(new CaseAccepted(state.caseId(), state.department(), c.acceptedOn()));
    }

    @Override
    public List<CaseEvent> closeCase(CloseCase c) {
        notBeforeAssignment(c.closedOn(), "closed");
        return List.of(new CaseClosed(state.caseId(), state.caseNumber(), state.department(), c.resolution(), c.closedOn()));
    }

    @Override
    public List<CaseEvent> suspendCase(SuspendCase c) {
        notBeforeAssignment(c.suspendedOn(), "suspended");
        return List.of(new CaseSuspended(state.caseId(), state.department(), c.reason(), c.suspendedOn()));
    }

    @Override
    public List<CaseEvent> resumeCase(ResumeCase c) {
        return List.of(new CaseResumed(state.caseId(), c.resumedOn()));
    }

    @Override
    public List<CaseEvent> transferCase(TransferCase c) {
        if (c.toDepartment() == state.department()) {
            throw new CommandRejected(Reason.UNPROCESSABLE, "the case is already held by " + state.department());
        }
        return List.of(new CaseTransferred(state.caseId(), state.department(), c.toDepartment(), c.reason(),
                c.transferredOn()));
    }

    @Override
    public List<CaseEvent> changeDeadline(ChangeDeadline c) {
        notBeforeAssignment(c.deadline(), "due");
        return c.deadline().equals(state.deadline()) ? List.of()
                : List.of(new DeadlineChanged(state.caseId(), state.deadline(), c.deadline(), c.reason()));
    }

    @Override
    public List<CaseEvent> extendHandling(ExtendHandling c) {
        if (state.statutory().extensionDays() > 0) {
            throw new CommandRejected(Reason.FORBIDDEN_TRANSITION, "the handling period was extended already (by "
                    + state.statutory().extensionDays() + " days); it is extended once");
        }
        if (c.extendedOn().isBefore(state.statutory().acceptedOn())) {
            throw new CommandRejected(Reason.UNPROCESSABLE, "a case cannot be extended before it was accepted ("
                    + state.statutory().acceptedOn() + ")");
        }
        return List.of(new HandlingExtended(state.caseId(), c.days(), c.reason(), c.extendedOn()));
    }

    @Override
    public List<CaseEvent> reopenCase(ReopenCase c) {
        return List.of(new CaseReopened(state.caseId(), state.department(), c.reason(), c.reopenedOn()));
    }

    @Override
    public List<CaseEvent> requestReview(RequestReview c) {
        LocalDate answeredOn = state.statutory().answeredOn();
        if (state.statutory().reviewDue() != null) {
            throw new CommandRejected(Reason.FORBIDDEN_TRANSITION, "the case was reviewed already (answered by "
                    + state.statutory().reviewDue() + "); a review is asked for once, a further one goes to the next level");
        }
        if (c.requestedOn().isBefore(answeredOn)) {
            throw new CommandRejected(Reason.UNPROCESSABLE, "a review cannot be asked for before the written answer ("
                    + answeredOn + ")");
        }
        LocalDate lastDay = c.lastDayToAsk().apply(answeredOn);
        if (c.requestedOn().isAfter(lastDay)) {
            throw new CommandRejected(Reason.UNPROCESSABLE, "the period to ask for a review of the answer of "
                    + answeredOn + " ended on " + lastDay);
        }
        return List.of(new CaseReviewRequested(state.caseId(), state.department(), c.reason(), c.requestedOn(),
                c.reviewDue()));
    }

    @Override
    public List<CaseEvent> markOverdue(MarkOverdue check) {
        if (!state.isOverdueOn(check.today()) || state.deadline().equals(state.overdueRecordedFor())) {
            return List.of();
        }
        return List.of(new CaseBecameOverdue(state.caseId(), state.department(), state.deadline(), check.today()));
    }

    @Override
    public List<CaseEvent> erasePersonalData(ErasePersonalData command) {
        return state.personalDataErased() ? List.of() : List.of(new CasePersonalDataErased(state.caseId()));
    }

    /** A file joins the case's file; not once its petitioner was erased, for it would be sealed under no key. */
    @Override
    public List<CaseEvent> addAttachment(AddAttachment c) {
        if (state.personalDataErased()) {
            throw new CommandRejected(Reason.FORBIDDEN_TRANSITION, "the case's petitioner was erased; it takes no files");
        }
        return List.of(new AttachmentAdded(state.caseId(), c.attachmentId(), c.name(), c.mediaType(), c.size(),
                c.sha256(), c.attachmentKind().name(), c.addedOn()));
    }

    private void notBeforeAssignment(LocalDate date, String what) {
        if (date.isBefore(state.assignedOn())) {
            throw new CommandRejected(Reason.UNPROCESSABLE, "a case cannot be " + what + " before it was assigned ("
                    + state.assignedOn() + ")");
        }
    }
}
