package org.lettersvisits.assignment.assigning;

import java.time.LocalDate;
import java.time.MonthDay;

import org.lettersvisits.contracts.assignment.Difficulty;
import org.lettersvisits.problem.InvalidField;

/**
 * When a case is due: an explicit deadline wins (never before the day assigned); otherwise a
 * ROUTINE case is due a configured number of days after it was assigned (default 30), and a
 * DIFFICULT one by the mid-December deadline of the year it was assigned (default 15 December;
 * a difficult case assigned after that day is due by the same day of the next year).
 */
public final class DeadlinePolicy {

    private final int routineDays;
    private final MonthDay difficultBy;

    public DeadlinePolicy(int routineDays, MonthDay difficultBy) {
        this.routineDays = routineDays;
        this.difficultBy = difficultBy;
    }

    public LocalDate deadline(Difficulty difficulty, LocalDate assignedOn, LocalDate explicit) {
        if (explicit != null) {
            if (explicit.isBefore(assignedOn)) {
                throw new InvalidField("deadline", "must not be before the day the case is assigned (" + assignedOn + ")");
            }
            return explicit;
        }
        if (difficulty == Difficulty.DIFFICULT) {
            LocalDate thisYear = difficultBy.atYear(assignedOn.getYear());
            return thisYear.isBefore(assignedOn) ? difficultBy.atYear(assignedOn.getYear() + 1) : thisYear;
        }
        return assignedOn.plusDays(routineDays);
    }
}
