package org.lettersvisits.assignment.domain;

import static org.lettersvisits.contracts.assignment.CaseStatus.ACCEPTED;
import static org.lettersvisits.contracts.assignment.CaseStatus.ASSIGNED;
import static org.lettersvisits.contracts.assignment.CaseStatus.CLOSED;
import static org.lettersvisits.contracts.assignment.CaseStatus.SUSPENDED;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lettersvisits.assignment.domain.CaseCommand.AcceptCase;
import org.lettersvisits.assignment.domain.CaseCommand.AssignCase;
import org.lettersvisits.assignment.domain.CaseCommand.ChangeDeadline;
import org.lettersvisits.assignment.domain.CaseCommand.CloseCase;
import org.lettersvisits.assignment.domain.CaseCommand.MarkOverdue;
import org.lettersvisits.assignment.domain.CaseCommand.ReopenCase;
import org.lettersvisits.assignment.domain.CaseCommand.RequestReview;
import org.lettersvisits.assignment.domain.CaseCommand.ResumeCase;
import org.lettersvisits.assignment.domain.CaseCommand.ExtendHandling;
import org.lettersvisits.assignment.domain.CaseCommand.SuspendCase;
import org.lettersvisits.assignment.domain.CaseCommand.TransferCase;
import org.lettersvisits.contracts.assignment.CaseAccepted;
import org.lettersvisits.contracts.assignment.CaseAssigned;
import org.lettersvisits.contracts.assignment.CaseBecameOverdue;
import org.lettersvisits.contracts.assignment.CaseClosed;
import org.lettersvisits.contracts.assignment.CaseEvent;
import org.lettersvisits.contracts.assignment.CaseReopened;
import org.lettersvisits.contracts.assignment.CaseReviewRequested;
import org.lettersvisits.contracts.assignment.CaseResumed;
import org.lettersvisits.contracts.assignment.CaseStatus;
import org.lettersvisits.contracts.assignment.CaseSuspended;
import org.lettersvisits.contracts.assignment.CaseTransferred;
import org.lettersvisits.contracts.assignment.DeadlineChanged;
import org.lettersvisits.contracts.assignment.HandlingExtended;
import org.lettersvisits.eventstore.CommandRejected;
import org.lettersvisits.eventstore.CommandRejected.Reason;
import org.lettersvisits.eventstore.Decider;

/**
 * The Case aggregate. Which command each status allows is the table {@link #ALLOWED_FROM} (also in
 * docs/case-lifecycle.md); anything else is a forbidden transition (HTTP 409). Pure.
 */
public final class CaseDecider implements Decider<CaseCommand, CaseEvent, CaseFile> {

    /** The statuses from which each command may be given. */
    public static final Map<Class<? extends CaseCommand>, Set<CaseStatus>> ALLOWED_FROM = Map.of(
            AcceptCase.class, EnumSet.of(ASSIGNED),
            CloseCase.class, EnumSet.of(ASSIGNED, ACCEPTED),
            SuspendCase.class, EnumSet.of(ASSIGNED, ACCEPTED),
            ResumeCase.class, EnumSet.of(SUSPENDED),
            TransferCase.class, EnumSet.of(ASSIGNED, ACCEPTED, SUSPENDED),
            ChangeDeadline.class, EnumSet.of(ASSIGNED, ACCEPTED, SUSPENDED),
            ReopenCase.class, EnumSet.of(CLOSED),
            ExtendHandling.class, EnumSet.of(ACCEPTED),
            RequestReview.class, EnumSet.of(CLOSED),
            MarkOverdue.class, EnumSet.allOf(CaseStatus.class));

    @Override
    public CaseFile initialState() {
        return CaseFile.NONE;
    }

    @Override
    public List<CaseEvent> decide(CaseCommand command, CaseFile state) {
        if (command instanceof AssignCase assign) {
            if (state.exists()) {
                throw new CommandRejected(Reason.FORBIDDEN_TRANSITION, "petition already has a case (" + state.status() + ")");
            }
            return List.of(new CaseAssigned(assign.caseId(), assign.petitionId(), assign.caseNumber(), assign.subject(),
                    assign.department(), assign.responsibleLeader(), assign.difficulty(), assign.assignedOn(),
                    assign.deadline()));
        }
        if (!state.exists()) {
            throw new CommandRejected(Reason.NOT_FOUND, "no such case");
        }
        if (command instanceof ReopenCase c && madeForAnEarlierClosure(c, state)) {
            return List.of();
        }
        if (!ALLOWED_FROM.get(command.getClass()).contains(state.status())) {
            throw new CommandRejected(Reason.FORBIDDEN_TRANSITION, "a " + state.status() + " case cannot be "
                    + verb(command));
        }
        return decideOnExisting(command, state);
    }

    private static List<CaseEvent> decideOnExisting(CaseCommand command, CaseFile state) {
        if (command instanceof AcceptCase c) {
            notBeforeAssignment(state, c.acceptedOn(), "accepted");
            return List.of(new CaseAccepted(state.caseId(), state.department(), c.acceptedOn()));
        }
        if (command instanceof CloseCase c) {
            notBeforeAssignment(state, c.closedOn(), "closed");
            return List.of(new CaseClosed(state.caseId(), state.caseNumber(), state.department(), c.resolution(), c.closedOn()));
        }
        if (command instanceof SuspendCase c) {
            notBeforeAssignment(state, c.suspendedOn(), "suspended");
            return List.of(new CaseSuspended(state.caseId(), state.department(), c.reason(), c.suspendedOn()));
        }
        if (command instanceof ResumeCase c) {
            return List.of(new CaseResumed(state.caseId(), c.resumedOn()));
        }
        if (command instanceof TransferCase c) {
            if (c.toDepartment() == state.department()) {
                throw new CommandRejected(Reason.UNPROCESSABLE, "the case is already held by " + state.department());
            }
            return List.of(new CaseTransferred(state.caseId(), state.department(), c.toDepartment(), c.reason(),
                    c.transferredOn()));
        }
        if (command instanceof ChangeDeadline c) {
            notBeforeAssignment(state, c.deadline(), "due");
            return c.deadline().equals(state.deadline()) ? List.of()
                    : List.of(new DeadlineChanged(state.caseId(), state.deadline(), c.deadline(), c.reason()));
        }
        if (command instanceof ReopenCase c) {
            return List.of(new CaseReopened(state.caseId(), state.department(), c.reason(), c.reopenedOn()));
        }
        if (command instanceof RequestReview c) {
            if (state.statutory().reviewDue() != null) {
                throw new CommandRejected(Reason.FORBIDDEN_TRANSITION, "the case was reviewed already (answered by "
                        + state.statutory().reviewDue() + "); a review is asked for once, a further one goes to the next level");
            }
            if (c.requestedOn().isBefore(state.statutory().answeredOn())) {
                throw new CommandRejected(Reason.UNPROCESSABLE, "a review cannot be asked for before the written answer ("
                        + state.statutory().answeredOn() + ")");
            }
            LocalDate lastDay = c.lastDayToAsk().apply(state.statutory().answeredOn());
            if (c.requestedOn().isAfter(lastDay)) {
                throw new CommandRejected(Reason.UNPROCESSABLE, "the period to ask for a review of the answer of "
                        + state.statutory().answeredOn() + " ended on " + lastDay);
            }
            return List.of(new CaseReviewRequested(state.caseId(), state.department(), c.reason(), c.requestedOn(),
                    c.reviewDue()));
        }
        if (command instanceof ExtendHandling c) {
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
        MarkOverdue check = (MarkOverdue) command;
        if (!state.isOverdueOn(check.today()) || state.deadline().equals(state.overdueRecordedFor())) {
            return List.of();
        }
        return List.of(new CaseBecameOverdue(state.caseId(), state.department(), state.deadline(), check.today()));
    }

    /**
     * Whether a reopening names a closure that is no longer in force: the case was closed again since, or reopened
     * (say, for a review) since. That visit's outcome stands in followup-service; it does not reopen the case's newer
     * answer, so nothing is recorded. A visit that names no closure (completed before closures were named) reopens
     * whatever closure the case is in, as it always did; one naming a closure the case never reached is refused.
     */
    private static boolean madeForAnEarlierClosure(ReopenCase reopen, CaseFile state) {
        Integer closure = reopen.closureVersion();
        if (closure == null) {
            return false;
        }
        if (closure < 1 || closure > state.closedAt()) {
            throw new CommandRejected(Reason.FORBIDDEN_TRANSITION, "the case has no closure at version " + closure
                    + (state.closedAt() == 0 ? "; it was never closed" : "; its last closure is at version " + state.closedAt()));
        }
        return !state.isClosedBy(closure);
    }

    private static void notBeforeAssignment(CaseFile state, java.time.LocalDate date, String what) {
        if (date.isBefore(state.assignedOn())) {
            throw new CommandRejected(Reason.UNPROCESSABLE, "a case cannot be " + what + " before it was assigned ("
                    + state.assignedOn() + ")");
        }
    }

    private static String verb(CaseCommand command) {
        return switch (command.getClass().getSimpleName()) {
            case "AcceptCase" -> "accepted";
            case "CloseCase" -> "closed";
            case "SuspendCase" -> "suspended";
            case "ResumeCase" -> "resumed";
            case "TransferCase" -> "transferred";
            case "ChangeDeadline" -> "given a new deadline";
            case "ReopenCase" -> "reopened";
            case "ExtendHandling" -> "extended";
            case "RequestReview" -> "reviewed";
            default -> command.getClass().getSimpleName();
        };
    }

    /** Status and holder follow the rule each event states (event-contracts), shared with every projection. */
    @Override
    public CaseFile evolve(CaseFile state, CaseEvent event) {
        if (event instanceof CaseAssigned e) {
            return new CaseFile(e.caseId(), e.petitionId(), e.caseNumber(), e.subject(), e.department(),
                    e.responsibleLeader(), e.difficulty(), e.assignedOn(), e.deadline(), e.newStatus().orElseThrow(), null,
                    CaseFile.StatutoryDays.NONE, 1, 0);
        }
        CaseFile counted = state.next();
        CaseFile next = event.newHolder().map(counted::withDepartment).orElse(counted);
        next = event.newStatus().map(next::with).orElse(next);
        if (event instanceof DeadlineChanged e) {
            return next.withDeadline(e.deadline());
        }
        if (event instanceof CaseBecameOverdue e) {
            return next.withOverdueRecordedFor(e.deadline());
        }
        if (event instanceof CaseAccepted e) {
            return next.withStatutory(next.statutory().accepted(e.acceptedOn()));
        }
        if (event instanceof HandlingExtended e) {
            return next.withStatutory(next.statutory().extended(e.days()));
        }
        if (event instanceof CaseClosed e) {
            return next.withStatutory(next.statutory().answered(e.closedOn())).closedNow();
        }
        if (event instanceof CaseReviewRequested e) {
            // the review's deadline is also the case's from now on
            return next.withStatutory(next.statutory().underReviewUntil(e.reviewDue())).withDeadline(e.reviewDue());
        }
        return next;
    }
}
