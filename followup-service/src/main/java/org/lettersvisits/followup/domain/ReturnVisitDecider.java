package org.lettersvisits.followup.domain;

import java.util.List;

import org.lettersvisits.contracts.followup.ReturnVisitAttemptFailed;
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
import org.lettersvisits.followup.domain.ReturnVisitCommand.RecordFailedAttempt;
import org.lettersvisits.followup.domain.ReturnVisitCommand.ScheduleReturnVisit;

/**
 * The ReturnVisit aggregate: scheduled once per closure, completed once (a second completion is a
 * forbidden transition), reopening the case only when the parties were dissatisfied. Before its completion any number
 * of failed attempts to reach the petitioner may be recorded; they change neither when it is due nor whether it
 * becomes overdue. Pure.
 */
public final class ReturnVisitDecider implements Decider<ReturnVisitCommand, ReturnVisitEvent, ReturnVisit> {

    @Override
    public ReturnVisit initialState() {
        return ReturnVisit.NONE;
    }

    @Override
    public List<ReturnVisitEvent> decide(ReturnVisitCommand command, ReturnVisit state) {
        return command.accept(new ReturnVisitCommand.Visitor<List<ReturnVisitEvent>>() {

            @Override
            public List<ReturnVisitEvent> schedule(ScheduleReturnVisit s) {
                return state.exists() ? List.of()
                        : List.of(new ReturnVisitScheduled(s.visitId(), s.caseId(), s.caseNumber(), s.department(),
                                s.closedOn(), s.dueBy(), s.closureVersion()));
            }

            @Override
            public List<ReturnVisitEvent> complete(CompleteReturnVisit c) {
                existing(state);
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

            @Override
            public List<ReturnVisitEvent> markOverdue(MarkReturnVisitOverdue check) {
                existing(state);
                if (state.overdueRecorded() || !ReturnVisitRules.isOverdue(state.completed(), state.dueBy(), check.today())) {
                    return List.of();
                }
                return List.of(new ReturnVisitBecameOverdue(state.visitId(), state.caseId(), state.dueBy(), check.today()));
            }

            @Override
            public List<ReturnVisitEvent> recordFailedAttempt(RecordFailedAttempt a) {
                existing(state);
                if (state.completed()) {
                    throw new CommandRejected(Reason.FORBIDDEN_TRANSITION, "the return visit was already completed on "
                            + state.outcome().visitedOn() + "; a failed attempt after it is not recorded");
                }
                if (a.attemptedOn().isBefore(state.closedOn())) {
                    throw new CommandRejected(Reason.UNPROCESSABLE, "the attempt cannot be before the case was closed ("
                            + state.closedOn() + ")");
                }
                if (a.attemptedOn().isAfter(a.today())) {
                    throw new CommandRejected(Reason.UNPROCESSABLE, "the attempt cannot be in the future (today is "
                            + a.today() + ")");
                }
                return List.of(new ReturnVisitAttemptFailed(state.visitId(), state.caseId(), a.attemptedOn(), a.visitor(),
                        a.reason(), a.notes()));
            }
        });
    }

    private static void existing(ReturnVisit state) {
        if (!state.exists()) {
            throw new CommandRejected(Reason.NOT_FOUND, "no such return visit");
        }
    }

    @Override
    public ReturnVisit evolve(ReturnVisit state, ReturnVisitEvent event) {
        return event.accept(new ReturnVisitEvent.Visitor<ReturnVisit>() {

            @Override
            public ReturnVisit returnVisitScheduled(ReturnVisitScheduled s) {
                return new ReturnVisit(s.visitId(), s.caseId(), s.caseNumber(), s.department(), s.closedOn(), s.dueBy(),
                        s.closureVersion(), null, false, 0, null);
            }

            @Override
            public ReturnVisit returnVisitCompleted(ReturnVisitCompleted c) {
                return state.completedAs(c);
            }

            @Override
            public ReturnVisit returnVisitBecameOverdue(ReturnVisitBecameOverdue e) {
                return state.markedOverdue();
            }

            @Override
            public ReturnVisit returnVisitAttemptFailed(ReturnVisitAttemptFailed a) {
                return state.triedWithout(a);
            }
        });
    }
}
