package org.lettersvisits.assignment.reminders;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.lettersvisits.contracts.Department;
import org.lettersvisits.time.StatutoryDeadline;

/**
 * An open case a reminder names: its leadership deadline and, once accepted, its statutory handling deadline. No
 * subject and no petitioner: a mail leaves the platform, so it carries only what finds the case in the queue.
 */
public record DueCase(String caseNumber, Department department, String responsibleLeader, LocalDate deadline,
        StatutoryDeadline statutoryDue) {

    /** Days from {@code today} to the nearer of the two deadlines; negative once past. */
    long daysLeft(LocalDate today) {
        long leadership = ChronoUnit.DAYS.between(today, deadline);
        return statutoryDue == null ? leadership
                : Math.min(leadership, ChronoUnit.DAYS.between(today, statutoryDue.date()));
    }
}
