package org.lettersvisits.reporting.summary;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lettersvisits.contracts.Department;
import org.lettersvisits.contracts.Roles;
import org.lettersvisits.export.Column;
import org.lettersvisits.export.ExportFormat;
import org.lettersvisits.export.ExportLabels;
import org.lettersvisits.export.Exports;
import org.lettersvisits.problem.InvalidField;
import org.lettersvisits.problem.Problem;
import org.lettersvisits.problem.QueryParams;
import org.lettersvisits.security.LeaderScope;

import io.smallrye.mutiny.Uni;

/** The leaders' reports: the department table for a period, as JSON or CSV, and the overdue cases. */
@Path("/api/reports")
@Tag(name = "Reports")
public class ReportsResource {

    private static final Map<Department, String> CHINESE = Map.of(Department.PUBLIC_SECURITY, "公安",
            Department.PROCURATORATE, "检察院", Department.COURT, "法院", Department.JUSTICE_BUREAU, "司法局");

    @Inject
    ReportQueries queries;

    @Inject
    SummaryAsOf asOfDay;

    @Inject
    Clock clock;

    @Inject
    LeaderScope leaders;

    @GET
    @Path("summary")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.LEADER, Roles.SUPERVISOR })
    @Operation(summary = "Cases received, closed, suspended, open and overdue per department",
            description = "from/to default to the current calendar year (committee time zone; with asOf, asOf's "
                    + "year). All four departments are always present. Also return visits and petitions of the period. "
                    + "asOf (a past day or today): the table as it stood at the end of that day, by the business dates "
                    + "the events carry (received, assigned, closed, suspended on ...), not by when they were recorded; "
                    + "overdue then means open with a deadline before that day. A department leader gets their department's "
                    + "line, total and return visits, marked with department, and petitions null (they cannot be split "
                    + "by department).")
    public Uni<Summary> summary(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("asOf") String asOf) {
        LocalDate today = LocalDate.now(clock);
        LocalDate day = QueryParams.date("asOf", asOf);
        if (day != null && day.isAfter(today)) {
            throw new InvalidField("asOf", "must not be in the future (today is " + today + ")");
        }
        LocalDate start = Optional.ofNullable(QueryParams.date("from", from))
                .orElse((day == null ? today : day).withDayOfYear(1));
        LocalDate end = Optional.ofNullable(QueryParams.date("to", to)).orElse(start.withMonth(12).withDayOfMonth(31));
        if (end.isBefore(start)) {
            throw new InvalidField("to", "must not be before from");
        }
        Optional<Department> department = leaders.department();
        return day == null ? queries.summary(start, end, today, department) : asOfDay.summary(start, end, day, department);
    }

    @GET
    @Path("summary.csv")
    @Produces("text/csv")
    @RolesAllowed({ Roles.LEADER, Roles.SUPERVISOR })
    @Operation(summary = "The department table as CSV (UTF-8 with BOM, so Excel shows the Chinese names)",
            description = "A department leader's: their department's line and its total.")
    public Uni<Response> summaryCsv(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("asOf") String asOf) {
        return summary(from, to, asOf).map(s -> {
            StringBuilder csv = new StringBuilder("\uFEFF");
            csv.append("部门,department,受理 received,办结 closed,中止 suspended,未结 open,逾期 overdue,"
                    + "超法定期限 past statutory limit,法定期限内办结 closed within statutory limits\r\n");
            for (Summary.DepartmentLine line : s.departments()) {
                csv.append(CHINESE.get(line.department())).append(',').append(line.department()).append(',')
                        .append(line.received()).append(',').append(line.closed()).append(',').append(line.suspended())
                        .append(',').append(line.open()).append(',').append(line.overdue()).append(',')
                        .append(line.statutoryOverdue()).append(',').append(line.closedWithinStatutoryLimit()).append("\r\n");
            }
            Summary.Counts t = s.total();
            csv.append("合计,TOTAL,").append(t.received()).append(',').append(t.closed()).append(',')
                    .append(t.suspended()).append(',').append(t.open()).append(',').append(t.overdue()).append(',')
                    .append(t.statutoryOverdue()).append(',').append(t.closedWithinStatutoryLimit()).append("\r\n");
            return Response.ok(csv.toString().getBytes(StandardCharsets.UTF_8))
                    .type("text/csv; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"petitions-" + s.from() + "-" + s.to()
                            + (s.asOf() == null ? "" : "-as-of-" + s.asOf()) + ".csv\"")
                    .build();
        });
    }

    @GET
    @Path("overdue")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.LEADER, Roles.SUPERVISOR })
    @Operation(summary = "Open cases past their deadline, most overdue first, with days overdue",
            description = "A department leader's: only their department's.")
    public Uni<List<ReportQueries.OverdueCase>> overdue() {
        return queries.overdue(LocalDate.now(clock), leaders.department());
    }

    @GET
    @Path("overdue/export")
    @Produces({ Exports.CSV, Exports.XLSX, Problem.MEDIA_TYPE })
    @RolesAllowed({ Roles.LEADER, Roles.SUPERVISOR })
    @Operation(summary = "The overdue cases as a CSV file or an Excel workbook",
            description = "format: csv (default) or xlsx. The leader's overdue list as GET /api/reports/overdue, most "
                    + "overdue first (a department leader's: only their department's); at most 10,000 rows, more is a 400.")
    public Uni<Response> exportOverdue(@QueryParam("format") String format) {
        ExportFormat wanted = ExportFormat.of(format);
        LocalDate today = LocalDate.now(clock);
        return queries.overdue(today, leaders.department()).map(cases -> Exports.download(wanted, "overdue", today, OVERDUE_COLUMNS, cases));
    }

    /** The overdue list's columns, headed as the dashboard heads them. */
    private static final List<Column<ReportQueries.OverdueCase>> OVERDUE_COLUMNS = List.of(
            Column.of(ExportLabels.message("dashboard.caseNumber"), c -> c.caseNumber()),
            Column.of(ExportLabels.message("dashboard.department"), c -> ExportLabels.of("department", c.department())),
            Column.of(ExportLabels.message("dashboard.leader"), c -> c.responsibleLeader()),
            Column.of(ExportLabels.message("dashboard.deadline"), c -> c.deadline()),
            Column.of(ExportLabels.message("dashboard.daysOverdue"), c -> c.daysOverdue()));
}
