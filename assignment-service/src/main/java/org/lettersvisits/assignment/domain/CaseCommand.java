package org.lettersvisits.assignment.domain;

import java.time.LocalDate;
import java.util.UUID;

import org.lettersvisits.contracts.Department;
import org.lettersvisits.contracts.assignment.Difficulty;

/** What the committee and the departments ask of a case. */
public sealed interface CaseCommand {

    /** Assign a law-and-litigation petition to a department; the deadline is already worked out. */
    record AssignCase(UUID caseId, UUID petitionId, String caseNumber, String subject, Department department,
            String responsibleLeader, Difficulty difficulty, LocalDate assignedOn, LocalDate deadline) implements CaseCommand {
    }

    record AcceptCase(LocalDate acceptedOn) implements CaseCommand {
    }

    record CloseCase(String resolution, LocalDate closedOn) implements CaseCommand {
    }

    record SuspendCase(String reason, LocalDate suspendedOn) implements CaseCommand {
    }

    record ResumeCase(LocalDate resumedOn) implements CaseCommand {
    }

    record TransferCase(Department toDepartment, String reason, LocalDate transferredOn) implements CaseCommand {
    }

    record ChangeDeadline(LocalDate deadline, String reason) implements CaseCommand {
    }

    /** Extend the statutory handling period of an accepted case, once, by {@code days} (the limit is checked before). */
    record ExtendHandling(int days, String reason, LocalDate extendedOn) implements CaseCommand {
    }

    /**
     * A dissatisfied return visit sends the case back to its department, from the closure it was made for:
     * {@code closureVersion} is the case's version after that closure, null when the visit does not name it.
     */
    record ReopenCase(String reason, LocalDate reopenedOn, Integer closureVersion) implements CaseCommand {
    }

    /**
     * The petitioner asks for a review of the written answer: {@code lastDayToAsk} gives, for the day of the answer,
     * the statutory period's last day; {@code reviewDue} when the review must be answered (both from the calendar).
     */
    record RequestReview(String reason, LocalDate requestedOn, java.util.function.UnaryOperator<LocalDate> lastDayToAsk,
            LocalDate reviewDue) implements CaseCommand {
    }

    /** The overdue watcher's check: records CaseBecameOverdue once per passed deadline of an open case. */
    record MarkOverdue(LocalDate today) implements CaseCommand {
    }
}
