package org.lettersvisits.assignment.queue;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lettersvisits.assignment.access.DepartmentAccess;
import org.lettersvisits.assignment.queue.QueueFilter.QueueOrder;
import org.lettersvisits.contracts.Department;
import org.lettersvisits.contracts.Roles;
import org.lettersvisits.contracts.assignment.CaseRules;
import org.lettersvisits.contracts.assignment.CaseStatus;
import org.lettersvisits.export.ExportFormat;
import org.lettersvisits.export.Exports;
import org.lettersvisits.problem.InvalidField;
import org.lettersvisits.problem.Paging;
import org.lettersvisits.problem.Problem;
import org.lettersvisits.time.StatutoryDeadline;
import org.lettersvisits.time.StatutoryLimits;

import io.smallrye.mutiny.Uni;

/**
 * A department's queue: its open cases by default, earliest deadline first, overdue ones marked; filtered by status,
 * responsible leader and a search within the department's own cases; exported with the same filters.
 */
@Path("/api/queues/{department}")
@Tag(name = "Queues")
@RolesAllowed({ Roles.SUPERVISOR, Roles.LEADER, Roles.DEPT_PUBLIC_SECURITY, Roles.DEPT_PROCURATORATE,
        Roles.DEPT_COURT, Roles.DEPT_JUSTICE_BUREAU })
public class QueuesResource {

    /** One case in a queue. */
    public record QueueItem(UUID id, String caseNumber, String subject, String responsibleLeader, LocalDate deadline,
            CaseStatus status, boolean overdue, long daysOverdue, StatutoryDeadline statutoryHandlingDue,
            int handlingExtendedBy, LocalDate reviewDue) {
    }

    /**
     * A page of a department's queue, how many cases match in all, how many of those are overdue, the department's
     * cases per status (whatever the status filter) and the responsible leaders its cases name.
     */
    public record Queue(Department department, List<QueueItem> items, long total, long overdue,
            Map<CaseStatus, Long> byStatus, List<String> leaders) {
    }

    private static final String FILTERS = "status: OPEN (default: ASSIGNED and ACCEPTED), ALL, or statuses separated by "
            + "commas. leader: one responsible leader's cases. q: a case number (also without XF-) or words of the "
            + "subject, within this department's cases. sort: deadline (default, earliest first) or overdue (overdue "
            + "cases first, most days overdue first). Officers and department leaders see only their own department's queue "
            + "(403 for another's).";

    private final CaseViews views;
    private final DepartmentAccess access;
    private final Clock clock;
    private final StatutoryLimits limits;

    QueuesResource(CaseViews views, DepartmentAccess access, Clock clock, StatutoryLimits limits) {
        this.views = views;
        this.access = access;
        this.clock = clock;
        this.limits = limits;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A department's queue", description = "department: public-security, procuratorate, court or "
            + "justice-bureau. " + FILTERS + " total counts every matching case, overdue those of them past their deadline.")
    public Uni<Queue> queue(@PathParam("department") String slug,
            @Parameter(description = "OPEN (default), ALL, or ASSIGNED, ACCEPTED, CLOSED, SUSPENDED separated by commas") @QueryParam("status") String status,
            @QueryParam("leader") String leader, @QueryParam("q") String text, @QueryParam("sort") String sort,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        QueueFilter filter = filter(slug, status, leader, text, sort);
        LocalDate today = LocalDate.now(clock);
        Paging paging = Paging.of(page, size, 50);
        return views.queue(filter, paging, today).chain(p -> views.leaders(filter.department())
                .map(leaders -> new Queue(filter.department(), p.items().stream()
                        .map(c -> new QueueItem(c.id, c.caseNumber, c.subject, c.responsibleLeader, c.deadline,
                                c.status, c.overdueOn(today), c.daysOverdueOn(today),
                                c.statutoryHandlingDue(limits), c.extensionDays, c.reviewDue))
                        .toList(), p.total(), p.overdue(), p.byStatus(), leaders)));
    }

    @GET
    @Path("export")
    @Produces({ Exports.CSV, Exports.XLSX, Problem.MEDIA_TYPE })
    @Operation(summary = "A department's queue as a CSV file or an Excel workbook",
            description = "format: csv (default) or xlsx. Every case the same filters select, in the same order: "
                    + FILTERS + " At most 10,000 rows; more is a 400.")
    public Uni<Response> export(@PathParam("department") String slug, @QueryParam("format") String format,
            @QueryParam("status") String status, @QueryParam("leader") String leader, @QueryParam("q") String text,
            @QueryParam("sort") String sort) {
        QueueFilter filter = filter(slug, status, leader, text, sort);
        ExportFormat wanted = ExportFormat.of(format);
        LocalDate today = LocalDate.now(clock);
        return views.all(filter, today, Exports.MAX_ROWS + 1).map(cases -> Exports.download(wanted,
                "queue-" + filter.department().slug(), today, CaseExports.columns(today, limits), cases));
    }

    /** The filter a request names; 404 for an unknown department, 403 for another department's officer or leader. */
    private QueueFilter filter(String slug, String status, String leader, String text, String sort) {
        Department department = Department.fromSlug(slug).orElseThrow(() -> new NotFoundException("no department " + slug));
        access.requireHolding(department, List.of(Roles.SUPERVISOR, Roles.LEADER));
        if (text != null && text.length() > 200) {
            throw new InvalidField("q", "at most 200 characters");
        }
        return new QueueFilter(department, statuses(status), leader, text, order(sort));
    }

    private static QueueOrder order(String sort) {
        if (sort == null || sort.isBlank()) {
            return QueueOrder.DEADLINE;
        }
        try {
            return QueueOrder.valueOf(sort.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidField("sort", "must be deadline or overdue");
        }
    }

    /** OPEN (the default), ALL, or statuses separated by commas, e.g. {@code ASSIGNED,ACCEPTED,SUSPENDED}. */
    private static List<CaseStatus> statuses(String status) {
        if (status == null || status.isBlank() || status.equalsIgnoreCase("OPEN")) {
            return List.copyOf(CaseRules.OPEN);
        }
        if (status.equalsIgnoreCase("ALL")) {
            return Arrays.asList(CaseStatus.values());
        }
        try {
            return Arrays.stream(status.split(",")).map(s -> CaseStatus.valueOf(s.trim().toUpperCase(Locale.ROOT)))
                    .distinct().toList();
        } catch (IllegalArgumentException e) {
            throw new InvalidField("status", "must be OPEN, ALL, or ASSIGNED, ACCEPTED, CLOSED, SUSPENDED separated by commas");
        }
    }
}
