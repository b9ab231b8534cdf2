package org.lettersvisits.contracts.assignment;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The rules every service applies to a case, in one place: which cases are open, which count as closed, and when an
 * open case is overdue by its leadership deadline (the day the committee set, not the statutory limit, which
 * {@code org.lettersvisits.time.StatutoryLimits} in the kit rules on). Each rule is given as a Java test and as the same
 * condition over a table's columns, for the services that count in SQL, so the two cannot drift apart.
 */
public final class CaseRules {

    /** The statuses of a case still being worked; only these can be overdue. */
    public static final Set<CaseStatus> OPEN = Collections.unmodifiableSet(statuses(CaseStatus::isOpen));

    /** The statuses counted as closed. */
    public static final Set<CaseStatus> CLOSED = Collections.unmodifiableSet(statuses(CaseStatus::countsAsClosed));

    private CaseRules() {
    }

    /** An open case is overdue from the day after its deadline: on the deadline itself it is still in time. */
    public static boolean isOverdue(CaseStatus status, LocalDate deadline, LocalDate today) {
        return status != null && status.isOpen() && deadline != null && deadline.isBefore(today);
    }

    /** Whole days past the deadline on {@code today}; 0 for a case that is not overdue. */
    public static long daysOverdue(CaseStatus status, LocalDate deadline, LocalDate today) {
        return isOverdue(status, deadline, today) ? ChronoUnit.DAYS.between(deadline, today) : 0;
    }

    /** {@code statusColumn IN ('ASSIGNED', 'ACCEPTED')}: the open rule over a column holding the status's name. */
    public static String openSql(String statusColumn) {
        return statusColumn + " IN " + literals(OPEN);
    }

    /** {@code statusColumn IN ('CLOSED')}: the closed rule over a column holding the status's name. */
    public static String closedSql(String statusColumn) {
        return statusColumn + " IN " + literals(CLOSED);
    }

    /** The overdue rule over a table's columns; {@code today} is a parameter placeholder ({@code $2}, {@code :today}). */
    public static String overdueSql(String statusColumn, String deadlineColumn, String today) {
        return overdueCondition(statusColumn, deadlineColumn, literals(OPEN), today);
    }

    /**
     * The overdue rule where the open statuses are a query parameter ({@code :open}, bound to {@link #OPEN}), as HQL
     * needs for a status mapped to the enum.
     */
    public static String overdueCondition(String status, String deadline, String openStatuses, String today) {
        return "(" + status + " IN " + openStatuses + " AND " + deadline + " < " + today + ")";
    }

    private static Set<CaseStatus> statuses(Predicate<CaseStatus> rule) {
        EnumSet<CaseStatus> matching = EnumSet.noneOf(CaseStatus.class);
        Arrays.stream(CaseStatus.values()).filter(rule).forEach(matching::add);
        return matching;
    }

    private static String literals(Set<CaseStatus> statuses) {
        return statuses.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(", ", "(", ")"));
    }
}
