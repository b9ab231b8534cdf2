package org.lettersvisits.followup.domain;

import java.time.LocalDate;
import java.util.UUID;

import org.lettersvisits.contracts.Department;
import org.lettersvisits.contracts.followup.NotReachedReason;
import org.lettersvisits.contracts.followup.Satisfaction;

/** What happens to a return visit. */
public sealed interface ReturnVisitCommand {

    /** The name a command's idempotency key is stored under; never changes. */
    String storedName();

    /** Does something for each command; a new command does not compile until every visitor handles it. */
    <R> R accept(Visitor<R> visitor);

    /** What to do with each command. */
    interface Visitor<R> {

        R schedule(ScheduleReturnVisit command);

        R complete(CompleteReturnVisit command);

        R markOverdue(MarkReturnVisitOverdue command);

        R recordFailedAttempt(RecordFailedAttempt command);
    }

    /**
     * A case was closed: schedule its return visit. {@code closureVersion} names the closure, the case's version after
     * its CaseClosed (null for a closure published before versions travelled).
     */
    record ScheduleReturnVisit(UUID visitId, UUID caseId, String caseNumber, Department department, LocalDate closedOn,
            LocalDate dueBy, Integer closureVersion) implements ReturnVisitCommand {

        @Override
        public String storedName() {
            return "return-visit.schedule";
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.schedule(this);
        }
    }

    /** The return-visit officer reports the visit. */
    record CompleteReturnVisit(LocalDate visitedOn, String visitor, Satisfaction satisfaction,
            boolean petitionerWithdraws, String notes, boolean reopen) implements ReturnVisitCommand {

        @Override
        public String storedName() {
            return "return-visit.complete";
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.complete(this);
        }
    }

    /** The watcher's check: records ReturnVisitBecameOverdue once when a pending visit passes its due date. */
    record MarkReturnVisitOverdue(LocalDate today) implements ReturnVisitCommand {

        @Override
        public String storedName() {
            return "return-visit.mark-overdue";
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.markOverdue(this);
        }
    }

    /**
     * The return-visit officer tried to reach the petitioner and could not. {@code today} comes with the command so the
     * decider, which reads no clock, can refuse a day in the future.
     */
    record RecordFailedAttempt(LocalDate attemptedOn, LocalDate today, String visitor, NotReachedReason reason,
            String notes) implements ReturnVisitCommand {

        @Override
        public String storedName() {
            return "return-visit.record-failed-attempt";
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.recordFailedAttempt(this);
        }
    }
}
