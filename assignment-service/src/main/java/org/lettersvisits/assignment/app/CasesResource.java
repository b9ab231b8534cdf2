package org.lettersvisits.assignment.app;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lettersvisits.assignment.access.DepartmentAccess;
import org.lettersvisits.assignment.assigning.AssignRequest;
import org.lettersvisits.assignment.domain.CaseCommand.AcceptCase;
import org.lettersvisits.assignment.domain.CaseCommand.ChangeDeadline;
import org.lettersvisits.assignment.domain.CaseCommand.CloseCase;
import org.lettersvisits.assignment.domain.CaseCommand.ExtendHandling;
import org.lettersvisits.assignment.domain.CaseCommand.RequestReview;
import org.lettersvisits.assignment.domain.CaseCommand.ResumeCase;
import org.lettersvisits.assignment.domain.CaseCommand.SuspendCase;
import org.lettersvisits.assignment.domain.CaseCommand.TransferCase;
import org.lettersvisits.assignment.domain.CaseCommand;
import org.lettersvisits.assignment.domain.CaseFile;
import org.lettersvisits.assignment.petitions.UnassignedPetitions;
import org.lettersvisits.assignment.queue.CaseExports;
import org.lettersvisits.assignment.queue.CaseViews;
import org.lettersvisits.contracts.Roles;
import org.lettersvisits.contracts.assignment.CaseEvent;
import org.lettersvisits.eventstore.Aggregate;
import org.lettersvisits.eventstore.EventMetadata;
import org.lettersvisits.export.Column;
import org.lettersvisits.export.ExportFormat;
import org.lettersvisits.export.ExportLabels;
import org.lettersvisits.export.Exports;
import org.lettersvisits.problem.IfMatch;
import org.lettersvisits.problem.InvalidField;
import org.lettersvisits.problem.Paging;
import org.lettersvisits.problem.Problem;
import org.lettersvisits.problem.QueryParams;
import org.lettersvisits.security.CommitteeOnly;
import org.lettersvisits.time.StatutoryLimits;

import io.smallrye.mutiny.Uni;

/** Cases: assignment by the supervisor, and every transition the departments and leaders make. */
@Path("/api/cases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cases")
@APIResponse(responseCode = "400", description = "Invalid request; `violations` lists the fields",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "Role not allowed, or the case is held by another department")
@APIResponse(responseCode = "404", description = "No such case",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "409", description = "The case's status forbids this transition",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "412", description = "If-Match names a stale version",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class CasesResource {

    private final CaseDesk desk;
    private final CaseViews views;
    private final DepartmentAccess access;
    private final UnassignedPetitions unassigned;
    private final Clock clock;
    private final StatutoryLimits limits;
    private final io.vertx.core.http.HttpServerRequest httpRequest;

    CasesResource(CaseDesk desk, CaseViews views, DepartmentAccess access, UnassignedPetitions unassigned, Clock clock,
            StatutoryLimits limits, io.vertx.core.http.HttpServerRequest httpRequest) {
        this.desk = desk;
        this.views = views;
        this.access = access;
        this.unassigned = unassigned;
        this.clock = clock;
        this.limits = limits;
        this.httpRequest = httpRequest;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Assign a law-and-litigation petition to a department",
            description = "404 while the petition is not yet known here (retry), 422 if it does not involve law and "
                    + "litigation, 409 if it already has a case. Deadline: explicit, else ROUTINE = assignedOn + 30 days, "
                    + "DIFFICULT = 15 December of the year assigned.")
    @APIResponse(responseCode = "201", description = "Assigned", content = @Content(schema = @Schema(implementation = CaseDetails.class)))
    @APIResponse(responseCode = "422", description = "Not a law-and-litigation petition",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> assign(@Valid @NotNull AssignRequest request) {
        return desk.assign(request, access.actor(), idempotencyKey())
                .map(aggregate -> withTag(Response.created(URI.create("/api/cases/" + aggregate.id())), aggregate));
    }

    @GET
    @Path("unassigned")
    @RolesAllowed({ Roles.SUPERVISOR, Roles.LEADER })
    @CommitteeOnly
    @Operation(summary = "The assignment board: law-and-litigation petitions without a case",
            description = "The law-and-litigation petitions known here that have no case yet, oldest first, with the "
                    + "days each has waited; q finds a case number (exactly, also without XF-) or words of the "
                    + "subject; page from 0, size 1 to 100 (default 20); total counts every match. A department leader "
                    + "gets 403: no department holds these petitions yet.")
    public Uni<UnassignedPetitions.Page> unassigned(@QueryParam("q") String q, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        return unassigned.page(searchText(q), Paging.of(page, size, 20), LocalDate.now(clock));
    }

    @GET
    @Path("unassigned/export")
    @Produces({ Exports.CSV, Exports.XLSX, Problem.MEDIA_TYPE })
    @RolesAllowed({ Roles.SUPERVISOR, Roles.LEADER })
    @CommitteeOnly
    @Operation(summary = "The assignment board as a CSV file or an Excel workbook",
            description = "format: csv (default) or xlsx; q as for the board. Every petition waiting for assignment "
                    + "that it finds, oldest first; at most 10,000 rows, more is a 400. A department leader gets 403.")
    public Uni<Response> exportUnassigned(@QueryParam("format") String format, @QueryParam("q") String q) {
        ExportFormat wanted = ExportFormat.of(format);
        LocalDate today = LocalDate.now(clock);
        return unassigned.all(searchText(q), today, Exports.MAX_ROWS + 1).map(waiting -> Exports.download(wanted, "unassigned", today,
                UNASSIGNED_COLUMNS, waiting));
    }

    /** The board's columns in an export, headed as the board heads them. */
    private static final List<Column<UnassignedPetitions.Waiting>> UNASSIGNED_COLUMNS = List.of(
            Column.of(ExportLabels.message("case.caseNumber"), w -> w.caseNumber()),
            Column.of(ExportLabels.message("board.receivedOn"), w -> w.receivedOn()),
            Column.of(ExportLabels.message("board.daysWaiting"), w -> w.daysWaiting()),
            Column.of(ExportLabels.message("case.subject"), w -> w.subject()));

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.SUPERVISOR, Roles.LEADER, Roles.DEPT_PUBLIC_SECURITY, Roles.DEPT_PROCURATORATE,
            Roles.DEPT_COURT, Roles.DEPT_JUSTICE_BUREAU })
    @Operation(summary = "A case with its history", description = "ETag carries the version for If-Match. A department "
            + "officer or department leader gets 403 for a case another department holds.")
    @APIResponse(responseCode = "200", description = "The case", content = @Content(schema = @Schema(implementation = CaseDetails.class)))
    public Uni<Response> get(@PathParam("id") UUID id) {
        return visible(id, List.of(Roles.SUPERVISOR, Roles.LEADER))
                .chain(() -> desk.load(id))
                .map(aggregate -> withTag(Response.ok(), aggregate));
    }

    @POST
    @Path("{id}/accept")
    @RolesAllowed({ Roles.DEPT_PUBLIC_SECURITY, Roles.DEPT_PROCURATORATE, Roles.DEPT_COURT, Roles.DEPT_JUSTICE_BUREAU })
    @Operation(summary = "The holding department accepts the case",
            description = "Accepted today; ?acceptedOn=DATE records an earlier day (a year entered late), from which the "
                    + "statutory handling period runs. Not in the future (400), not before the assignment (422).")
    public Uni<Response> accept(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @QueryParam("acceptedOn") String day) {
        LocalDate acceptedOn = desk.notInFuture("acceptedOn", QueryParams.date("acceptedOn", day));
        return transition(id, ifMatch, List.of(), () -> new AcceptCase(acceptedOn));
    }

    @POST
    @Path("{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.DEPT_PUBLIC_SECURITY, Roles.DEPT_PROCURATORATE, Roles.DEPT_COURT, Roles.DEPT_JUSTICE_BUREAU })
    @Operation(summary = "The holding department closes the case with its resolution", description = "A return visit follows.")
    public Uni<Response> close(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull CaseRequests.Close request) {
        return transition(id, ifMatch, List.of(),
                () -> new CloseCase(request.resolution(), desk.notInFuture("closedOn", request.closedOn())));
    }

    @POST
    @Path("{id}/suspend")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.DEPT_PUBLIC_SECURITY, Roles.DEPT_PROCURATORATE, Roles.DEPT_COURT, Roles.DEPT_JUSTICE_BUREAU })
    @Operation(summary = "The holding department dismisses or suspends the case, with a reason")
    public Uni<Response> suspend(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull CaseRequests.Suspend request) {
        return transition(id, ifMatch, List.of(),
                () -> new SuspendCase(request.reason(), desk.notInFuture("suspendedOn", request.suspendedOn())));
    }

    @POST
    @Path("{id}/resume")
    @RolesAllowed({ Roles.SUPERVISOR, Roles.DEPT_PUBLIC_SECURITY, Roles.DEPT_PROCURATORATE, Roles.DEPT_COURT,
            Roles.DEPT_JUSTICE_BUREAU })
    @Operation(summary = "A suspended case is worked on again (status ACCEPTED)")
    public Uni<Response> resume(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return transition(id, ifMatch, List.of(Roles.SUPERVISOR), () -> new ResumeCase(desk.today()));
    }

    @POST
    @Path("{id}/transfer")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Move the case to another department's queue", description = "It waits there to be accepted.")
    public Uni<Response> transfer(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull CaseRequests.Transfer request) {
        return transition(id, ifMatch, List.of(Roles.SUPERVISOR),
                () -> new TransferCase(request.department(), request.reason(), desk.today()));
    }

    @POST
    @Path("{id}/deadline")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.SUPERVISOR, Roles.LEADER })
    @CommitteeOnly
    @Operation(summary = "Set a new deadline, with a reason", description = "The old deadline stays in the history. "
            + "The committee's leaders only: a department leader gets 403, also for their own department's cases.")
    public Uni<Response> changeDeadline(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull CaseRequests.Deadline request) {
        return transition(id, ifMatch, List.of(Roles.SUPERVISOR, Roles.LEADER),
                () -> new ChangeDeadline(request.deadline(), request.reason()));
    }

    @POST
    @Path("{id}/extension")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Extend the statutory handling period of an accepted case, once",
            description = "With the head's approval: days from 1 to the limit (30 by default), and the reason the "
                    + "petitioner is told. A second extension, or one of a case not accepted, is 409.")
    public Uni<Response> extend(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull CaseRequests.Extension request) {
        if (request.days() > limits.extensionMaxDays()) {
            throw new InvalidField("days", "at most " + limits.extensionMaxDays() + " days");
        }
        return transition(id, ifMatch, List.of(Roles.SUPERVISOR),
                () -> new ExtendHandling(request.days(), request.reason(), desk.notInFuture("extendedOn", request.extendedOn())));
    }

    @POST
    @Path("{id}/review")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Record the petitioner's request for a review (复查) of a closed case's written answer",
            description = "Within the statutory period from the answer (30 days, a holiday at its end moving it to the "
                    + "next working day): the case opens again in its department as a review, due 30 days from the "
                    + "request (also its deadline). requestedOn defaults to today. Once per case (409); after the period, "
                    + "or before the answer, 422; a case not closed, 409.")
    public Uni<Response> review(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull CaseRequests.Review request) {
        LocalDate requestedOn = desk.notInFuture("requestedOn", request.requestedOn());
        return transition(id, ifMatch, List.of(Roles.SUPERVISOR), () -> new RequestReview(request.reason(), requestedOn,
                answered -> limits.reviewRequestDue(answered).date(), limits.reviewDue(requestedOn).date()));
    }

    /** An overdue case as leaders chase it. */
    public record OverdueCase(UUID id, UUID petitionId, String caseNumber, String subject,
            org.lettersvisits.contracts.Department department, String responsibleLeader, LocalDate deadline,
            long daysOverdue, org.lettersvisits.contracts.assignment.CaseStatus status) {
    }

    @GET
    @Path("overdue")
    @RolesAllowed({ Roles.SUPERVISOR, Roles.LEADER })
    @Operation(summary = "Open cases past their deadline, most overdue first",
            description = "A department leader's: only their department's.")
    public Uni<List<OverdueCase>> overdue() {
        LocalDate today = desk.today();
        return views.overdue(access.leaderDepartment(), today, Integer.MAX_VALUE).map(lines -> lines.stream()
                .map(l -> new OverdueCase(l.id, l.petitionId, l.caseNumber, l.subject, l.department,
                        l.responsibleLeader, l.deadline, l.daysOverdueOn(today), l.status))
                .toList());
    }

    @GET
    @Path("overdue/export")
    @Produces({ Exports.CSV, Exports.XLSX, Problem.MEDIA_TYPE })
    @RolesAllowed({ Roles.SUPERVISOR, Roles.LEADER })
    @Operation(summary = "The overdue cases as a CSV file or an Excel workbook",
            description = "format: csv (default) or xlsx. The same cases as GET /api/cases/overdue, most overdue first "
                    + "(a department leader's: only their department's).")
    public Uni<Response> exportOverdue(@QueryParam("format") String format) {
        ExportFormat wanted = ExportFormat.of(format);
        LocalDate today = desk.today();
        return views.overdue(access.leaderDepartment(), today, Exports.MAX_ROWS + 1)
                .map(lines -> Exports.download(wanted, "overdue-cases", today, CaseExports.columns(today, limits), lines));
    }

    private static String searchText(String q) {
        if (q != null && q.length() > 200) {
            throw new InvalidField("q", "at most 200 characters");
        }
        return q;
    }

    /** 404 for an unknown case; 403 unless the caller may act for the department holding it in the command's transaction. */
    private Uni<Response> transition(UUID id, String ifMatch, List<String> unrestricted, Supplier<CaseCommand> command) {
        Integer expectedVersion = IfMatch.version(ifMatch);
        return desk.execute(id, command.get(), expectedVersion, EventMetadata.ofRequest(access.actor()),
                        access.mayActFor(unrestricted), idempotencyKey())
                .map(aggregate -> withTag(Response.ok(), aggregate));
    }

    /** The request's {@code Idempotency-Key}: one command on one case, the same on every try of it (or null). */
    private String idempotencyKey() {
        return httpRequest.getHeader("Idempotency-Key");
    }

    /** Fails with 404 for an unknown case, 403 for a department that does not hold it. */
    private Uni<Void> visible(UUID id, List<String> unrestricted) {
        return views.find(id).map(found -> {
            var line = found.orElseThrow(() -> new NotFoundException("no case " + id));
            access.requireHolding(line.department, unrestricted);
            return null;
        });
    }

    private Response withTag(Response.ResponseBuilder builder, Aggregate<CaseEvent, CaseFile> aggregate) {
        return builder.entity(CaseDetails.of(aggregate, desk.today(), limits))
                .tag(new EntityTag(String.valueOf(aggregate.version())))
                .build();
    }
}
