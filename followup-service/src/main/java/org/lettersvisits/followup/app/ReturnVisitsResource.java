package org.lettersvisits.followup.app;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lettersvisits.contracts.Roles;
import org.lettersvisits.contracts.followup.Satisfaction;
import org.lettersvisits.eventstore.EventMetadata;
import org.lettersvisits.export.Column;
import org.lettersvisits.export.ExportFormat;
import org.lettersvisits.export.ExportLabels;
import org.lettersvisits.export.Exports;
import org.lettersvisits.followup.domain.ReturnVisitCommand.CompleteReturnVisit;
import org.lettersvisits.followup.worklist.PetitionerContacts;
import org.lettersvisits.followup.worklist.ReturnVisitQueries.WorklistFilter;
import org.lettersvisits.followup.worklist.ReturnVisitQueries;
import org.lettersvisits.problem.IfMatch;
import org.lettersvisits.problem.InvalidField;
import org.lettersvisits.problem.Paging;
import org.lettersvisits.problem.Problem;
import org.lettersvisits.problem.QueryParams;
import org.lettersvisits.security.LeaderScope;
import org.lettersvisits.time.BusinessDates;
import org.lettersvisits.web.SearchText;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/** The return-visit worklist: every closed case's mandatory visit, and its completion. */
@Path("/api/return-visits")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Return visits")
@APIResponse(responseCode = "400", description = "Invalid request; `violations` lists the fields",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "The token's roles do not allow this call")
public class ReturnVisitsResource {

    private final ReturnVisitQueries queries;
    private final FollowupDesk desk;
    private final SecurityIdentity identity;
    private final LeaderScope leaders;
    private final PetitionerContacts petitioners;

    ReturnVisitsResource(ReturnVisitQueries queries, FollowupDesk desk, SecurityIdentity identity, LeaderScope leaders,
            PetitionerContacts petitioners) {
        this.queries = queries;
        this.desk = desk;
        this.identity = identity;
        this.leaders = leaders;
        this.petitioners = petitioners;
    }

    @GET
    @RolesAllowed({ Roles.FOLLOWUP, Roles.SUPERVISOR, Roles.LEADER })
    @Operation(summary = "The worklist", description = "status: PENDING, COMPLETED, OVERDUE (pending past its due "
            + "date) or OPEN (not completed); caseId: the visits of one case; q: the visits of one case number (exactly, "
            + "also without XF-). Not completed first, earliest due first; page from 0, size 1 to 100 (default 50), total "
            + "counts every match. A department leader's: only the visits of their department's cases. Each visit "
            + "carries the case's subject and the department's answer, null once the petitioner is erased; the failed "
            + "attempts to reach the petitioner (attempts, lastAttempt); and whom to call (petitioner: name and masked "
            + "phone, as petition-service shows them to the caller, asked once per page). When petition-service cannot "
            + "answer, every petitioner is null and petitionersUnavailable is true.")
    public Uni<ReturnVisitQueries.Page> worklist(@QueryParam("status") String status, @QueryParam("caseId") String caseId,
            @QueryParam("q") String q, @QueryParam("page") String page, @QueryParam("size") String size) {
        return queries.worklist(QueryParams.oneOf("status", status, WorklistFilter.class), QueryParams.id("caseId", caseId, "a case id"),
                caseNumber(q), leaders.department(), desk.today(), Paging.of(page, size, 50).page(),
                Paging.of(page, size, 50).size())
                .chain(petitioners::addTo);
    }

    /** The case number {@code q} names ({@code XF-2026-00012}, also typed without the prefix), null without one. */
    private static String caseNumber(String q) {
        if (q == null || q.isBlank()) {
            return null;
        }
        if (q.length() > 200) {
            throw new InvalidField("q", "at most 200 characters");
        }
        return SearchText.caseNumber(q);
    }

    @GET
    @Path("export")
    @Produces({ Exports.CSV, Exports.XLSX, Problem.MEDIA_TYPE })
    @RolesAllowed({ Roles.FOLLOWUP, Roles.SUPERVISOR, Roles.LEADER })
    @Operation(summary = "The worklist as a CSV file or an Excel workbook",
            description = "format: csv (default) or xlsx; status, caseId and q as for the worklist. Every matching visit "
                    + "in the worklist's order (a department leader's: of their department's cases only); at most 10,000 "
                    + "rows, more is a 400. No petitioner's name or phone: a file travels further than a page.")
    public Uni<Response> export(@QueryParam("format") String format, @QueryParam("status") String status,
            @QueryParam("caseId") String caseId, @QueryParam("q") String q) {
        ExportFormat wanted = ExportFormat.of(format);
        LocalDate today = desk.today();
        return queries.all(QueryParams.oneOf("status", status, WorklistFilter.class),
                QueryParams.id("caseId", caseId, "a case id"), caseNumber(q), leaders.department(), today,
                Exports.MAX_ROWS + 1)
                .map(visits -> Exports.download(wanted, "return-visits", today, WORKLIST_COLUMNS, visits));
    }

    /** The worklist's columns in an export, headed as the page heads them. */
    private static final List<Column<ReturnVisitQueries.WorklistItem>> WORKLIST_COLUMNS = List.of(
            Column.of(ExportLabels.message("worklist.caseNumber"), v -> v.caseNumber()),
            Column.of(ExportLabels.message("worklist.department"), v -> ExportLabels.of("department", v.department())),
            Column.of(ExportLabels.message("worklist.closedOn"), v -> v.closedOn()),
            Column.of(ExportLabels.message("worklist.dueBy"), v -> v.dueBy()),
            Column.of(ExportLabels.message("worklist.status"), v -> ExportLabels.of("visitStatus", v.status())),
            Column.of(ExportLabels.message("complete.visitedOn"), v -> v.visitedOn()),
            Column.of(ExportLabels.message("complete.visitor"), v -> v.visitor()),
            Column.of(ExportLabels.message("complete.satisfaction"), v -> v.satisfaction() == null ? null
                    : ExportLabels.of("satisfaction", v.satisfaction())));

    @POST
    @Path("{id}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FOLLOWUP)
    @Operation(summary = "Report a return visit", description = "reopen (only with DISSATISFIED, else 400) sends the "
            + "case back to its department. Completing twice is 409.")
    @APIResponse(responseCode = "200", description = "Completed")
    @APIResponse(responseCode = "404", description = "No such return visit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already completed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ReturnVisitQueries.WorklistItem> complete(@PathParam("id") UUID id,
            @HeaderParam("If-Match") String ifMatch,
            @Parameter(description = "Client-chosen key that makes a retry safe: a try after one that took effect is "
                    + "answered with the visit as it is") @HeaderParam("Idempotency-Key") String idempotencyKey,
            @Valid @NotNull CompleteRequest request) {
        boolean reopen = Boolean.TRUE.equals(request.reopen());
        if (reopen && request.satisfaction() != Satisfaction.DISSATISFIED) {
            throw new InvalidField("reopen", "only a DISSATISFIED return visit can reopen the case");
        }
        CompleteReturnVisit command = new CompleteReturnVisit(
                BusinessDates.todayOrPast("visitedOn", request.visitedOn(), desk.today()), request.visitor().trim(),
                request.satisfaction(), request.petitionerWithdraws(), request.notes(), reopen);
        return queries.find(id, desk.today())
                .chain(found -> {
                    found.orElseThrow(() -> new NotFoundException("no return visit " + id));
                    return desk.execute(id, command, IfMatch.version(ifMatch),
                            EventMetadata.ofRequest(identity.getPrincipal().getName()), idempotencyKey);
                })
                .chain(done -> queries.find(id, desk.today()))
                .map(item -> item.orElseThrow());
    }
}
