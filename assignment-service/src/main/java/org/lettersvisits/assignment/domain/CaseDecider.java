package org.lettersvisits.assignment.domain;

import static org.lettersvisits.contracts.assignment.CaseStatus.ACCEPTED;
import static org.lettersvisits.contracts.assignment.CaseStatus.ASSIGNED;
import static org.lettersvisits.contracts.assignment.CaseStatus.CLOSED;
import static org.lettersvisits.contracts.assignment.CaseStatus.SUSPENDED;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lettersvisits.assignment.domain.CaseCommand.AssignCase;
import org.lettersvisits.assignment.domain.CaseCommand.Kind;
import org.lettersvisits.assignment.domain.CaseCommand.ReopenCase;
import org.lettersvisits.contracts.assignment.CaseAssigned;
import org.lettersvisits.contracts.assignment.CaseEvent;
import org.lettersvisits.contracts.assignment.CaseStatus;
import org.lettersvisits.eventstore.CommandRejected;
import org.lettersvisits.eventstore.CommandRejected.Reason;
import org.lettersvisits.eventstore.Decider;

/**
 * The Case aggregate. Which command each status allows is the table {@link #ALLOWED_FROM}, keyed by the command's
 * {@link Kind} (also in docs/case-lifecycle.md); anything else is a forbidden transition (HTTP 409). Commands and
 * events are dispatched by their visitors, so a new one does not compile until it is decided and evolved. Pure.
 */
public final class CaseDecider implements Decider<CaseCommand, CaseEvent, CaseFile> {

    /** The statuses from which each command may be given. */
    public static final Map<Kind, Set<CaseStatus>> ALLOWED_FROM = allowedFrom();

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
        if (!ALLOWED_FROM.get(command.kind()).contains(state.status())) {
            throw new CommandRejected(Reason.FORBIDDEN_TRANSITION, "a " + state.status() + " case cannot be "
                    + command.kind().verb);
        }
        return command.accept(new CaseDecisions(state));
    }

    private static Map<Kind, Set<CaseStatus>> allowedFrom() {
        Map<Kind, Set<CaseStatus>> table = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            table.put(kind, switch (kind) {
                case ASSIGN -> EnumSet.noneOf(CaseStatus.class);
                case ACCEPT -> EnumSet.of(ASSIGNED);
                case CLOSE, SUSPEND -> EnumSet.of(ASSIGNED, ACCEPTED);
                case RESUME -> EnumSet.of(SUSPENDED);
                case TRANSFER, CHANGE_DEADLINE -> EnumSet.of(ASSIGNED, ACCEPTED, SUSPENDED);
                case REOPEN, REQUEST_REVIEW -> EnumSet.of(CLOSED);
                case EXTEND_HANDLING -> EnumSet.of(ACCEPTED);
                // a file may join the case's file whatever its status: a receipt's photo arrives after the answer
                case MARK_OVERDUE, ERASE_PERSONAL_DATA, ADD_ATTACHMENT -> EnumSet.allOf(CaseStatus.class);
            });
        }
        return Collections.unmodifiableMap(table);
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

    /** Status and holder follow the rule each event states (event-contracts), shared with every projection. */
    @Override
    public CaseFile evolve(CaseFile state, CaseEvent event) {
        if (event instanceof CaseAssigned e) {
            return new CaseFile(e.caseId(), e.petitionId(), e.caseNumber(), e.subject(), e.department(),
                    e.responsibleLeader(), e.difficulty(), e.assignedOn(), e.deadline(), e.newStatus().orElseThrow(), null,
                    CaseFile.StatutoryDays.NONE, 1, 0, false);
        }
        CaseFile counted = state.next();
        CaseFile next = event.newHolder().map(counted::withDepartment).orElse(counted);
        return event.accept(new CaseEvolution(event.newStatus().map(next::with).orElse(next)));
    }
}
