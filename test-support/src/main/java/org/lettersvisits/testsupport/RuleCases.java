package org.lettersvisits.testsupport;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.lettersvisits.contracts.Department;
import org.lettersvisits.contracts.assignment.CaseStatus;

/**
 * The same cases, with the answers worked out by hand, that every service showing a rule is asked about: open,
 * overdue by the leadership deadline, counted as closed, the statutory handling deadline and whether it was kept, a
 * return visit overdue. Each service's rules test stores these in its own tables and asks its own queries; all must
 * give these answers. The leadership deadlines and return visits are placed around the day asked about (a service
 * that counts on the clock's today is asked about today); the statutory cases have fixed days, their answers given for
 * {@link #STATUTORY_DAY}, with the 2026 holiday arrangement (National Day 1-7 October; 10 October a working Saturday).
 */
public final class RuleCases {

    /** The day the statutory answers are given for: Tuesday 10 November 2026. */
    public static final LocalDate STATUTORY_DAY = LocalDate.of(2026, 11, 10);

    private RuleCases() {
    }

    /**
     * A case, and whether on the day asked it is open, overdue (by how many days) and counted as closed. Every one was
     * assigned on {@link #LEADERSHIP_ASSIGNED_ON}, a day no other test uses, so a count over its period sees these alone.
     */
    public record LeadershipCase(String name, UUID id, CaseStatus status, LocalDate deadline, boolean open,
            boolean overdue, long daysOverdue, boolean closed) {
    }

    /** The day every leadership case was assigned. */
    public static final LocalDate LEADERSHIP_ASSIGNED_ON = LocalDate.of(2019, 6, 3);

    /**
     * A case's statutory days, and by hand: its handling deadline (60 days, plus the extension, from acceptance, or from
     * assignment while never accepted; a weekend or holiday at the end moves it to the next working day), the deadline
     * it keeps (the review's, 30 days from the request, once one was asked), whether a closed case kept it and whether an
     * open one is past it on {@link #STATUTORY_DAY}.
     */
    public record StatutoryCase(String name, UUID id, CaseStatus status, LocalDate assignedOn, LocalDate acceptedOn,
            int extensionDays, LocalDate reviewRequestedOn, LocalDate closedOn, LocalDate handlingDue, LocalDate due,
            boolean kept, boolean past) {
    }

    /** A return visit, and whether it is overdue on the day asked. */
    public record ReturnVisitCase(String name, UUID id, boolean completed, LocalDate dueBy, boolean overdue) {
    }

    /** The leadership cases, their deadlines around {@code today}. */
    public static List<LeadershipCase> leadership(LocalDate today) {
        return List.of(
            new LeadershipCase("assigned, deadline yesterday", id(1), CaseStatus.ASSIGNED, today.minusDays(1), true, true, 1, false),
            new LeadershipCase("accepted, deadline today", id(2), CaseStatus.ACCEPTED, today, true, false, 0, false),
            new LeadershipCase("accepted, deadline 30 days ago", id(3), CaseStatus.ACCEPTED, today.minusDays(30), true, true, 30, false),
            new LeadershipCase("assigned, deadline tomorrow", id(4), CaseStatus.ASSIGNED, today.plusDays(1), true, false, 0, false),
            new LeadershipCase("closed, deadline long past", id(5), CaseStatus.CLOSED, today.minusDays(40), false, false, 0, true),
            new LeadershipCase("suspended, deadline long past", id(6), CaseStatus.SUSPENDED, today.minusDays(40), false, false, 0, false));
    }

    public static final List<StatutoryCase> STATUTORY = List.of(
            // 1 Sep + 60 = Sat 31 Oct, so Mon 2 Nov; the department never accepted, the period runs from assignment
            new StatutoryCase("never accepted, assigned 1 September", id(11), CaseStatus.ASSIGNED, day(9, 1), null, 0, null,
                    null, day(11, 2), day(11, 2), false, true),
            // 15 Sep + 60 = Sat 14 Nov, so Mon 16 Nov
            new StatutoryCase("accepted 15 September", id(12), CaseStatus.ACCEPTED, day(9, 10), day(9, 15), 0, null, null,
                    day(11, 16), day(11, 16), false, false),
            // 1 Aug + 60 + 30 = Fri 30 Oct
            new StatutoryCase("accepted 1 August, extended 30 days", id(13), CaseStatus.ACCEPTED, day(7, 30), day(8, 1), 30,
                    null, null, day(10, 30), day(10, 30), false, true),
            new StatutoryCase("accepted 1 September, closed on its last day", id(14), CaseStatus.CLOSED, day(9, 1), day(9, 1),
                    0, null, day(11, 2), day(11, 2), day(11, 2), true, false),
            new StatutoryCase("accepted 1 September, closed a day late", id(15), CaseStatus.CLOSED, day(9, 1), day(9, 1), 0,
                    null, day(11, 3), day(11, 2), day(11, 2), false, false),
            // review asked 20 Oct: 30 days, Thu 19 Nov
            new StatutoryCase("answered, review asked 20 October", id(16), CaseStatus.ACCEPTED, day(7, 1), day(7, 1), 0,
                    day(10, 20), null, day(8, 31), day(11, 19), false, false));

    /** The return visits, their due days around {@code today}. */
    public static List<ReturnVisitCase> returnVisits(LocalDate today) {
        return List.of(
            new ReturnVisitCase("pending, due yesterday", id(21), false, today.minusDays(1), true),
            new ReturnVisitCase("pending, due today", id(22), false, today, false),
            new ReturnVisitCase("completed, due long ago", id(23), true, today.minusDays(20), false),
            new ReturnVisitCase("pending, due in a week", id(24), false, today.plusDays(7), false));
    }

    /** The department every rule case is held by. */
    public static final Department DEPARTMENT = Department.COURT;

    private static LocalDate day(int month, int dayOfMonth) {
        return LocalDate.of(2026, month, dayOfMonth);
    }

    private static UUID id(int n) {
        return UUID.fromString(String.format("00000000-0000-4000-8000-%012d", n));
    }
}
