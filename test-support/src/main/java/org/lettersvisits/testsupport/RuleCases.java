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
 * give these answers. Days are counted on {@link #TODAY}; the 2026 holiday arrangement applies (National Day 1-7
 * October; 10 October a working Saturday).
 */
public final class RuleCases {

    /** The day every answer is given for: Tuesday 10 November 2026. */
    public static final LocalDate TODAY = LocalDate.of(2026, 11, 10);

    private RuleCases() {
    }

    /** A case, and whether on {@link #TODAY} it is open, overdue (by how many days) and counted as closed. */
    public record LeadershipCase(String name, UUID id, CaseStatus status, LocalDate deadline, boolean open,
            boolean overdue, long daysOverdue, boolean closed) {
    }

    /**
     * A case's statutory days, and by hand: its handling deadline (60 days, plus the extension, from acceptance, or from
     * assignment while never accepted; a weekend or holiday at the end moves it to the next working day), the deadline
     * it keeps (the review's, 30 days from the request, once one was asked), whether a closed case kept it and whether an
     * open one is past it on {@link #TODAY}.
     */
    public record StatutoryCase(String name, UUID id, CaseStatus status, LocalDate assignedOn, LocalDate acceptedOn,
            int extensionDays, LocalDate reviewRequestedOn, LocalDate closedOn, LocalDate handlingDue, LocalDate due,
            boolean kept, boolean past) {
    }

    /** A return visit, and whether it is overdue on {@link #TODAY}. */
    public record ReturnVisitCase(String name, UUID id, boolean completed, LocalDate dueBy, boolean overdue) {
    }

    public static final List<LeadershipCase> LEADERSHIP = List.of(
            new LeadershipCase("assigned, deadline yesterday", id(1), CaseStatus.ASSIGNED, TODAY.minusDays(1), true, true, 1, false),
            new LeadershipCase("accepted, deadline today", id(2), CaseStatus.ACCEPTED, TODAY, true, false, 0, false),
            new LeadershipCase("accepted, deadline 30 days ago", id(3), CaseStatus.ACCEPTED, TODAY.minusDays(30), true, true, 30, false),
            new LeadershipCase("assigned, deadline tomorrow", id(4), CaseStatus.ASSIGNED, TODAY.plusDays(1), true, false, 0, false),
            new LeadershipCase("closed, deadline long past", id(5), CaseStatus.CLOSED, TODAY.minusDays(40), false, false, 0, true),
            new LeadershipCase("suspended, deadline long past", id(6), CaseStatus.SUSPENDED, TODAY.minusDays(40), false, false, 0, false));

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

    public static final List<ReturnVisitCase> RETURN_VISITS = List.of(
            new ReturnVisitCase("pending, due yesterday", id(21), false, TODAY.minusDays(1), true),
            new ReturnVisitCase("pending, due today", id(22), false, TODAY, false),
            new ReturnVisitCase("completed, due long ago", id(23), true, TODAY.minusDays(20), false),
            new ReturnVisitCase("pending, due in a week", id(24), false, TODAY.plusDays(7), false));

    /** The department every rule case is held by. */
    public static final Department DEPARTMENT = Department.COURT;

    private static LocalDate day(int month, int dayOfMonth) {
        return LocalDate.of(2026, month, dayOfMonth);
    }

    private static UUID id(int n) {
        return UUID.fromString(String.format("00000000-0000-4000-8000-%012d", n));
    }
}
