package org.lettersvisits.followup.domain;

import java.util.List;

import org.lettersvisits.contracts.followup.ReturnVisitBecameOverdue;
import org.lettersvisits.contracts.followup.ReturnVisitCompleted;
import org.lettersvisits.contracts.followup.ReturnVisitEvent;
import org.lettersvisits.contracts.followup.ReturnVisitRules;
import org.lettersvisits.contracts.followup.ReturnVisitScheduled;
import org.lettersvisits.contracts.followup.Satisfaction;
import org.lettersvisits.eventstore.CommandRejected.Reason;
import org.lettersvisits.eventstore.CommandRejected;
import org.lettersvisits.eventstore.Decider;
import org.lettersvisits.followup.domain.ReturnVisitCommand.CompleteReturnVisit;
import org.lettersvisits.followup.domain.ReturnVisitCommand.MarkReturnVisitOverdue;
import org.lettersvisits.followup.domain.ReturnVisitCommand.ScheduleReturnVisit;

/**
 * The ReturnVisit aggregate: scheduled once per closure, completed once (a second completion is a
 * forbidden transition), reopening the case only when the parties were dissatisfied. Pure.
 */
public final class ReturnVisitDecider implements Decider<ReturnVisitCommand, ReturnVisitEvent, ReturnVisit> {

    @Override
    public ReturnVisit initialState() {
        return ReturnVisit.NONE;
    }

    @Override
    public List<ReturnVisitEvent> decide(ReturnVisitCommand command, ReturnVisit state) {
        if (command instanceof ScheduleReturnVisit s) {
            return state.exists() ? List.of()
                    : List.of(new ReturnVisitScheduled(s.visitId(), s.caseId(), s.caseNumber(), s.department(),
                            s.closedOn(), s.dueBy(), s.closureVersion()));
        }
        if (!state.exists()) {
            throw new CommandRejected(Reason.NOT_FOUND, "no such return visit");
        }
        if (command instanceof CompleteReturnVisit c) {
            if (state.completed()) {
                throw new CommandRejected(Reason.FORBIDDEN_TRANSITION, "the return visit was already completed on "
                        + state.outcome().visitedOn());
            }
            if (c.reopen() && c.satisfaction() != Satisfaction.DISSATISFIED) {
                throw new CommandRejected(Reason.UNPROCESSABLE, "only a dissatisfied return visit can reopen the case");
            }
            if (c.visitedOn().isBefore(state.closedOn())) {
                throw new CommandRejected(Reason.UNPROCESSABLE, "the visit cannot be before the case was closed ("
                        + state.closedOn() + ")");
            }
            return List.of(new ReturnVisitCompleted(state.visitId(), state.caseId(), c.visitedOn(), c.visitor(),
                    c.satisfaction(), c.petitionerWithdraws(), c.notes(), c.reopen(), state.closureVersion()));
        }
        MarkReturnVisitOverdue check = (MarkReturnVisitOverdue) command;
        if (state.overdueRecorded() || !ReturnVisitRules.isOverdue(state.completed(), state.dueBy(), check.today())) {
            return List.of();
        }
        return List.of(new ReturnVisitBecameOverdue(state.visitId(), state.caseId(), state.dueBy(), check.today()));
    }

    @Override
    public ReturnVisit evolve(ReturnVisit state, ReturnVisitEvent event) {
        if (event instanceof ReturnVisitScheduled s) {
            return new ReturnVisit(s.visitId(), s.caseId(), s.caseNumber(), s.department(), s.closedOn(), s.dueBy(),
                    s.closureVersion(), null, false);
        }
        if (event instanceof ReturnVisitCompleted c) {
            return new ReturnVisit(state.visitId(), state.caseId(), state.caseNumber(), state.department(),
                    state.closedOn(), state.dueBy(), state.closureVersion(), c, state.overdueRecorded());
        }
        return new ReturnVisit(state.visitId(), state.caseId(), state.caseNumber(), state.department(), state.closedOn(),
                state.dueBy(), state.closureVersion(), state.outcome(), true);
    }
}
