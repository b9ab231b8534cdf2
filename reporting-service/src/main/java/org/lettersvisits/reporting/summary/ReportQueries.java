package org.lettersvisits.reporting.summary;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lettersvisits.contracts.Department;
import org.lettersvisits.contracts.assignment.CaseRules;
import org.lettersvisits.contracts.assignment.CaseStatus;
import org.lettersvisits.contracts.followup.ReturnVisitRules;
import org.lettersvisits.reporting.projection.Generations;
import org.lettersvisits.reporting.summary.Summary.Counts;
import org.lettersvisits.reporting.summary.Summary.DepartmentLine;
import org.lettersvisits.time.StatutoryDeadline;
import org.lettersvisits.time.StatutoryLimits;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The reports, read from the live generation. Counting rules (API.md): a case counts under the
 * department holding it now; received = cases first assigned in the period; closed and suspended =
 * their current status; open = received - closed - suspended; overdue = open with a deadline
 * before today. Petitions count by the date received, return visits by the closing date. A department leader's
 * reports ({@code department} present) hold that department's cases and their return visits only, and no petitions:
 * the read model does not know which department a petition's case went to, nor does a petition without a case belong
 * to any.
 */
@ApplicationScoped
public class ReportQueries {

    /** An open case past its deadline, as leaders chase it. */
    public record OverdueCase(UUID caseId, String caseNumber, Department department, String responsibleLeader,
            LocalDate deadline, long daysOverdue) {
    }

    /** Rows of one department, the parameter numbered so, or of all when it is null. */
    private static final String ONLY_3 = only(3);
    private static final String ONLY_4 = only(4);
    private static final String ONLY_5 = only(5);

    private final Generations generations;
    private final StatutoryLimits limits;

    public ReportQueries(Generations generations, StatutoryLimits limits) {
        this.generations = generations;
        this.limits = limits;
    }

    public Uni<Summary> summary(LocalDate from, LocalDate to, LocalDate today, Optional<Department> department) {
        return generations.read((c, generation) -> summaryOf(c, generation, from, to, today, department));
    }

    /**
     * The summary of one generation of the read models, overdue counted against {@code today}: of the committee, or
     * of one {@code department} (its line alone, its total, its return visits, no petitions).
     */
    public Uni<Summary> summaryOf(SqlClient c, int generation, LocalDate from, LocalDate to, LocalDate today,
            Optional<Department> scope) {
        String only = scope.map(Department::name).orElse(null);
        Uni<Summary.Petitions> petitions = scope.isPresent() ? Uni.createFrom().nullItem()
                : petitions(c, generation, from, to);
        return Uni.combine().all()
                .unis(departments(c, generation, from, to, today, only), returnVisits(c, generation, from, to, today, only),
                        petitions, statutory(c, generation, from, to, today, only))
                .asTuple()
                .map(t -> {
                    t.getItem4().forEach((department, measures) -> t.getItem1().computeIfPresent(department,
                            (d, counts) -> counts.withStatutory(measures[0], measures[1])));
                    Counts total = t.getItem1().values().stream().reduce(Counts.of(0, 0, 0, 0), Counts::plus);
                    List<DepartmentLine> lines = new ArrayList<>();
                    t.getItem1().forEach((department, counts) -> lines.add(DepartmentLine.of(department, counts)));
                    return new Summary(from, to, null, scope.orElse(null), lines, total, t.getItem2(), t.getItem3());
                });
    }

    /** The department lines: all four, or only {@code only} (a department's name, or null for all). */
    private static Uni<Map<Department, Counts>> departments(SqlClient c, int generation, LocalDate from, LocalDate to,
            LocalDate today, String only) {
        return c.preparedQuery("SELECT department, count(*) AS received, "
                + "count(*) FILTER (WHERE " + CaseRules.closedSql("status") + ") AS closed, "
                + "count(*) FILTER (WHERE status = 'SUSPENDED') AS suspended, "
                + "count(*) FILTER (WHERE " + CaseRules.overdueSql("status", "deadline", "$4") + ") AS overdue "
                + "FROM rm_case WHERE generation = $1 AND first_assigned_on BETWEEN $2 AND $3 AND " + ONLY_5
                + " GROUP BY department")
                .execute(Tuple.of(generation, from, to, today, only))
                .map(rows -> {
                    Map<Department, Counts> all = new EnumMap<>(Department.class);
                    for (Department department : Department.values()) {
                        if (only == null || department.name().equals(only)) {
                            all.put(department, Counts.of(0, 0, 0, 0));
                        }
                    }
                    for (Row row : rows) {
                        all.put(Department.valueOf(row.getString("department")), Counts.of(row.getLong("received"),
                                row.getLong("closed"), row.getLong("suspended"), row.getLong("overdue")));
                    }
                    return all;
                });
    }

    /**
     * Per department: the cases closed within their statutory limit and the open ones past it, the limit being the one
     * {@link StatutoryLimits#caseDue} names (worked out with the working-day calendar, so here rather than in SQL).
     */
    private Uni<Map<Department, long[]>> statutory(SqlClient c, int generation, LocalDate from, LocalDate to,
            LocalDate today, String only) {
        return c.preparedQuery("SELECT department, status, first_assigned_on, accepted_on, extension_days, closed_on, "
                + "review_requested_on FROM rm_case WHERE generation = $1 AND first_assigned_on BETWEEN $2 AND $3 AND ("
                + CaseRules.openSql("status") + " OR " + CaseRules.closedSql("status") + ") AND " + ONLY_4)
                .execute(Tuple.of(generation, from, to, only))
                .map(rows -> {
                    Map<Department, long[]> all = new EnumMap<>(Department.class);
                    for (Row row : rows) {
                        StatutoryDeadline due = limits.caseDue(row.getLocalDate("first_assigned_on"),
                                row.getLocalDate("accepted_on"), row.getInteger("extension_days"),
                                row.getLocalDate("review_requested_on"));
                        CaseStatus status = CaseStatus.valueOf(row.getString("status"));
                        long[] measures = all.computeIfAbsent(Department.valueOf(row.getString("department")), d -> new long[2]);
                        if (status.countsAsClosed()) {
                            measures[0] += StatutoryLimits.keptLimit(row.getLocalDate("closed_on"), due) ? 1 : 0;
                        } else if (StatutoryLimits.pastLimit(status, due, today)) {
                            measures[1]++;
                        }
                    }
                    return all;
                });
    }

    private static Uni<Summary.ReturnVisits> returnVisits(SqlClient c, int generation, LocalDate from, LocalDate to,
            LocalDate today, String only) {
        return c.preparedQuery("SELECT count(*) AS scheduled, count(*) FILTER (WHERE completed) AS completed, "
                + "count(*) FILTER (WHERE NOT completed) AS pending, "
                + "count(*) FILTER (WHERE " + ReturnVisitRules.overdueSql("completed", "due_by", "$4") + ") AS overdue, "
                + "count(*) FILTER (WHERE satisfaction = 'SATISFIED') AS satisfied, "
                + "count(*) FILTER (WHERE petitioner_withdraws) AS withdrawn "
                + "FROM rm_return_visit WHERE generation = $1 AND closed_on BETWEEN $2 AND $3 AND " + ONLY_5)
                .execute(Tuple.of(generation, from, to, today, only))
                .map(rows -> {
                    Row r = rows.iterator().next();
                    return new Summary.ReturnVisits(r.getLong("scheduled"), r.getLong("completed"), r.getLong("pending"),
                            r.getLong("overdue"), r.getLong("satisfied"), r.getLong("withdrawn"));
                });
    }

    private static String only(int parameter) {
        return "($" + parameter + "::text IS NULL OR department = $" + parameter + ")";
    }

    private static Uni<Summary.Petitions> petitions(SqlClient c, int generation, LocalDate from, LocalDate to) {
        return c.preparedQuery("""
                SELECT count(*) AS registered,
                       count(*) FILTER (WHERE joint_visit_day) AS joint_visit_day,
                       count(*) FILTER (WHERE involves_law_and_litigation) AS law,
                       count(*) FILTER (WHERE escalated_to = 'PROVINCE') AS province,
                       count(*) FILTER (WHERE escalated_to = 'CAPITAL') AS capital
                FROM rm_petition WHERE generation = $1 AND received_on BETWEEN $2 AND $3""")
                .execute(Tuple.of(generation, from, to))
                .map(rows -> {
                    Row r = rows.iterator().next();
                    return new Summary.Petitions(r.getLong("registered"), r.getLong("joint_visit_day"), r.getLong("law"),
                            r.getLong("province"), r.getLong("capital"));
                });
    }

    /**
     * Open cases past their deadline, most overdue first (a case counts once its assignment is known); of one
     * department, or of all.
     */
    public Uni<List<OverdueCase>> overdue(LocalDate today, Optional<Department> department) {
        return generations.read((c, generation) -> c.preparedQuery("SELECT id, case_number, department, "
                + "responsible_leader, deadline, status FROM rm_case WHERE generation = $1 AND "
                + CaseRules.overdueSql("status", "deadline", "$2") + " AND first_assigned_on IS NOT NULL AND " + ONLY_3
                + " ORDER BY deadline, case_number")
                .execute(Tuple.of(generation, today, department.map(Department::name).orElse(null)))
                .map(rows -> {
                    List<OverdueCase> list = new ArrayList<>();
                    for (Row r : rows) {
                        list.add(new OverdueCase(r.getUUID("id"), r.getString("case_number"),
                                Department.valueOf(r.getString("department")), r.getString("responsible_leader"),
                                r.getLocalDate("deadline"), CaseRules.daysOverdue(
                                        CaseStatus.valueOf(r.getString("status")), r.getLocalDate("deadline"), today)));
                    }
                    return list;
                }));
    }
}
