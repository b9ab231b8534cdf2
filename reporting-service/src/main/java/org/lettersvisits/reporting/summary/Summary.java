package org.lettersvisits.reporting.summary;

import java.time.LocalDate;
import java.util.List;

import org.lettersvisits.contracts.Department;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code GET /api/reports/summary}: the committee's year-end table for any period; with {@code asOf}, the table as it
 * stood at the end of that day (absent otherwise).
 */
public record Summary(LocalDate from, LocalDate to, @JsonInclude(JsonInclude.Include.NON_NULL) LocalDate asOf,
        List<DepartmentLine> departments, Counts total, ReturnVisits returnVisits, Petitions petitions) {

    /** The same table, said to stand as of the end of {@code day}. */
    public Summary asOf(LocalDate day) {
        return new Summary(from, to, day, departments, total, returnVisits, petitions);
    }

    /** The counts of one department, or of all. */
    public record Counts(long received, long closed, long suspended, long open, long overdue) {

        static Counts of(long received, long closed, long suspended, long overdue) {
            return new Counts(received, closed, suspended, received - closed - suspended, overdue);
        }

        Counts plus(Counts other) {
            return new Counts(received + other.received, closed + other.closed, suspended + other.suspended,
                    open + other.open, overdue + other.overdue);
        }
    }

    /** One row of the department table. */
    public record DepartmentLine(Department department, long received, long closed, long suspended, long open,
            long overdue) {

        static DepartmentLine of(Department department, Counts c) {
            return new DepartmentLine(department, c.received(), c.closed(), c.suspended(), c.open(), c.overdue());
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
