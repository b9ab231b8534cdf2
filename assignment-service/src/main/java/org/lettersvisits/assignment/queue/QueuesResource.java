package org.lettersvisits.assignment.queue;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lettersvisits.assignment.app.DepartmentAccess;
import org.lettersvisits.contracts.Department;
import org.lettersvisits.contracts.Roles;
import org.lettersvisits.contracts.assignment.CaseStatus;
import org.lettersvisits.problem.InvalidField;
import org.lettersvisits.problem.Paging;
import org.lettersvisits.problem.QueryParams;

import io.smallrye.mutiny.Uni;

/** A department's queue: its open cases by default, earliest deadline first, overdue ones marked. */
@Path("/api/queues/{department}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Queues")
public class QueuesResource {

    /** One case in a queue. */
    public record QueueItem(UUID id, String caseNumber, String subject, String responsibleLeader, LocalDate deadline,
            CaseStatus status, boolean overdue, long daysOverdue) {
    }

    /** A page of a department's queue, how many cases match in all, and how many of those are overdue. */
    public record Queue(Department department, List<QueueItem> items, long total, long overdue) {
    }

    @Inject
    CaseQueries queries;

    @Inject
    DepartmentAccess access;

    @Inject
    Clock clock;

    @GET
    @RolesAllowed({ Roles.SUPERVISOR, Roles.LEADER, Roles.DEPT_PUBLIC_SECURITY, Roles.DEPT_PROCURATORATE,
            Roles.DEPT_COURT, Roles.DEPT_JUSTICE_BUREAU })
    @Operation(summary = "A department's queue",
            description = "department: public-security, procuratorate, court or justice-bureau. status: OPEN (default: "
                    + "ASSIGNED and ACCEPTED), ALL, or statuses separated by commas. total counts every matching case, "
                    + "overdue those of them past their deadline. Officers see only their own department's queue.")
    public Uni<Queue> queue(@PathParam("department") String slug,
            @Parameter(description = "OPEN (default), ALL, or ASSIGNED, ACCEPTED, CLOSED, SUSPENDED separated by commas") @QueryParam("status") String status,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        Department department = Department.fromSlug(slug).orElseThrow(() -> new NotFoundException("no department " + slug));
        access.requireHolding(department, List.of(Roles.SUPERVISOR, Roles.LEADER));
        LocalDate today = LocalDate.now(clock);
        Paging paging = Paging.of(page, size, 50);
        return queries.queue(department, statuses(status), paging.page(), paging.size(), today)
                .map(p -> new Queue(department, p.items().stream()
                        .map(l -> new QueueItem(l.id(), l.caseNumber(), l.subject(), l.responsibleLeader(), l.deadline(),
                                l.status(), l.overdueOn(today), l.overdueOn(today) ? l.daysOverdueOn(today) : 0))
                        .toList(), p.total(), p.overdue()));
    }

    /** OPEN (the default), ALL, or statuses separated by commas, e.g. {@code ASSIGNED,ACCEPTED,SUSPENDED}. */
    private static List<CaseStatus> statuses(String status) {
        if (status == null || status.isBlank() || status.equalsIgnoreCase("OPEN")) {
            return List.of(CaseStatus.ASSIGNED, CaseStatus.ACCEPTED);
        }
        if (status.equalsIgnoreCase("ALL")) {
            return Arrays.asList(CaseStatus.values());
        }
        try {
            return Arrays.stream(status.split(",")).map(s -> CaseStatus.valueOf(s.trim().toUpperCase())).distinct().toList();
        } catch (IllegalArgumentException e) {
            throw new InvalidField("status", "must be OPEN, ALL, or ASSIGNED, ACCEPTED, CLOSED, SUSPENDED separated by commas");
        }
    }
}
