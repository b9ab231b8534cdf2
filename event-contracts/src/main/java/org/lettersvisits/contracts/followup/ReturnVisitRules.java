package org.lettersvisits.contracts.followup;

import java.time.LocalDate;

/**
 * When a return visit is overdue, once for every service: not yet completed and its due day (15 days after the closure)
 * passed; on the due day itself it is still in time. Given as a Java test and as the same condition over a table's
 * columns.
 */
public final class ReturnVisitRules {

    private ReturnVisitRules() {
    }

    public static boolean isOverdue(boolean completed, LocalDate dueBy, LocalDate today) {
        return !completed && dueBy != null && dueBy.isBefore(today);
    }

    /** The overdue rule over a table's columns; {@code today} is a parameter placeholder ({@code $2}, {@code :today}). */
    public static String overdueSql(String completedColumn, String dueByColumn, String today) {
        return "(NOT " + completedColumn + " AND " + dueByColumn + " < " + today + ")";
    }
}
