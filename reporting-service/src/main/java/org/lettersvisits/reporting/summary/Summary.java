package org.lettersvisits.reporting.summary;

import java.time.LocalDate;
import java.util.List;

import org.lettersvisits.contracts.Department;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code GET /api/reports/summary}: the committee's year-end table for any period; with {@code asOf}, the table as it
 * stood at the end of that day (absent otherwise). A department leader's ({@code department} present, absent
 * otherwise): that department's line alone, its total and its return visits, and {@code petitions} null, since the
 * petitions of a period cannot be split by department.
 */
public record Summary(LocalDate from, LocalDate to, @JsonInclude(JsonInclude.Include.NON_NULL) LocalDate asOf,
        @JsonInclude(JsonInclude.Include.NON_NULL) Department department, List<DepartmentLine> departments, Counts total,
        ReturnVisits returnVisits, Petitions petitions) {

    /** The same table, said to stand as of the end of {@code day}. */
    public Summary asOf(LocalDate day) {
        return new Summary(from, to, day, department, departments, total, returnVisits, petitions);
    }

    /**
     * The counts of one department, or of all. Beside the leadership's deadline ({@code overdue}), the statutory limits:
     * {@code closedWithinStatutoryLimit} the closed cases answered by their statutory handling deadline (or, for a
     * review, the review's), {@code statutoryOverdue} the open ones past it; {@code withinStatutoryLimitShare} the first
     * as a share of the closed, in percent with one decimal (null with nothing closed).
     */
    public record Counts(long received, long closed, long suspended, long open, long overdue,
            long closedWithinStatutoryLimit, long statutoryOverdue) {

        static Counts of(long received, long closed, long suspended, long overdue) {
            return new Counts(received, closed, suspended, received - closed - suspended, overdue, 0, 0);
        }

        Counts withStatutory(long closedWithin, long pastLimit) {
            return new Counts(received, closed, suspended, open, overdue, closedWithin, pastLimit);
        }

        Counts plus(Counts other) {
            return new Counts(received + other.received, closed + other.closed, suspended + other.suspended,
                    open + other.open, overdue + other.overdue,
                    closedWithinStatutoryLimit + other.closedWithinStatutoryLimit, statutoryOverdue + other.statutoryOverdue);
        }

        public Double withinStatutoryLimitShare() {
            return closed == 0 ? null : Math.round(1000.0 * closedWithinStatutoryLimit / closed) / 10.0;
        }
    }

    /** One row of the department table. */
    public record DepartmentLine(Department department, long received, long closed, long suspended, long open,
            long overdue, long closedWithinStatutoryLimit, long statutoryOverdue, Double withinStatutoryLimitShare) {

        static DepartmentLine of(Department department, Counts c) {
            return new DepartmentLine(department, c.received(), c.closed(), c.suspended(), c.open(), c.overdue(),
                    c.closedWithinStatutoryLimit(), c.statutoryOverdue(), c.withinStatutoryLimitShare());
        }
    }

    /** How the return visits of the period's closures went. */
    public record ReturnVisits(long scheduled, long completed, long pending, long overdue, long satisfied, long withdrawn) {
    }

    /** The petitions received in the period. */
    public record Petitions(long registered, long jointVisitDay, long lawAndLitigation, long escalatedToProvince,
            long escalatedToCapital) {
    }
}
