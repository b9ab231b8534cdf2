package org.lettersvisits.petition.app;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
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

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lettersvisits.contracts.Department;
import org.lettersvisits.contracts.Roles;
import org.lettersvisits.documents.PdfFile;
import org.lettersvisits.petition.registering.PetitionRequest;
import org.lettersvisits.petition.registering.RegistrationResult;
import org.lettersvisits.petition.registering.VisitRequest;
import org.lettersvisits.export.ExportFormat;
import org.lettersvisits.export.Exports;
import org.lettersvisits.petition.search.PetitionCursor;
import org.lettersvisits.petition.search.PetitionExports;
import org.lettersvisits.petition.search.PetitionFilter;
import org.lettersvisits.petition.search.PetitionQueries;
import org.lettersvisits.petition.search.PetitionStatus;
import org.lettersvisits.petition.search.PetitionSummary;
import org.lettersvisits.petition.privacy.RecordViews;
import org.lettersvisits.petition.search.SearchRequest;
import org.lettersvisits.problem.InvalidField;
import org.lettersvisits.problem.Paging;
import org.lettersvisits.problem.Problem;
import org.lettersvisits.problem.QueryParams;
import org.lettersvisits.security.LeaderScope;
import org.lettersvisits.time.StatutoryLimits;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/** Reception's petitions: register, record a repeat visit, look up and search. */
@Path("/api/petitions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Petitions")
@APIResponse(responseCode = "400", description = "Invalid request; `violations` lists the fields",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "The token's roles do not allow this call")
public class PetitionsResource {

    private final RecordViews recordViews;
    private final PetitionDesk desk;
    private final PetitionQueries queries;
    private final PetitionReader reader;
    private final PetitionAccess access;
    private final SecurityIdentity identity;
    private final LeaderScope leaders;
    private final Clock clock;
    private final StatutoryLimits limits;
    /** How a visitor asks about progress, as the receipt tells them (the committee's reception office and phone). */
    private final String enquiries;

    PetitionsResource(RecordViews recordViews, PetitionDesk desk, PetitionQueries queries, PetitionReader reader,
            PetitionAccess access, SecurityIdentity identity, LeaderScope leaders, Clock clock, StatutoryLimits limits,
            @ConfigProperty(name = "petitions.receipt.enquiries") String enquiries) {
        this.recordViews = recordViews;
        this.desk = desk;
        this.queries = queries;
        this.reader = reader;
        this.access = access;
        this.identity = identity;
        this.leaders = leaders;
        this.clock = clock;
        this.limits = limits;
        this.enquiries = enquiries;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.RECEPTION, Roles.SUPERVISOR })
    @Operation(summary = "Register a petition (visit, letter, call or online)",
            description = "Gives it a case number and marks a visit on a joint visit day. With an Idempotency-Key, "
                    + "a retry with the same body returns the first result and writes nothing; another body gets 422.")
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(schema = @Schema(implementation = RegistrationResult.class)))
    @APIResponse(responseCode = "413", description = "Request body larger than 64 KiB")
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with a different body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> register(@Valid @NotNull PetitionRequest request,
            @Parameter(description = "Client-chosen key that makes a retry safe") @HeaderParam("Idempotency-Key") String key) {
        return desk.register(request, actor(), key)
                .map(result -> Response.created(URI.create("/api/petitions/" + result.id())).entity(result).build());
    }

    @POST
    @Path("{id}/visits")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.RECEPTION)
    @Operation(summary = "Record a repeat visit about the same matter", description = "The petition is not counted again.")
    @APIResponse(responseCode = "201", description = "Recorded")
    @APIResponse(responseCode = "404", description = "No such petition",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> recordVisit(@PathParam("id") UUID id, @Valid @NotNull VisitRequest request) {
        return desk.recordRepeatVisit(id, request, actor())
                .map(outcome -> Response.created(URI.create("/api/petitions/" + id))
                        .entity(Map.of("id", id, "visits", outcome.aggregate().state().visits().size(),
                                "version", outcome.aggregate().version()))
                        .build());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.RECEPTION, Roles.SUPERVISOR, Roles.LEADER, Roles.DEPT_PUBLIC_SECURITY,
            Roles.DEPT_PROCURATORATE, Roles.DEPT_COURT, Roles.DEPT_JUSTICE_BUREAU })
    @Operation(summary = "A petition with its visits and timeline",
            description = "Department officers and department leaders see only petitions whose case their department "
                    + "holds (403 for any other). Reception and "
                    + "supervisors see the petitioner's ID number, phone and address whole, and each such view is "
                    + "recorded (GET /api/admin/record-views, kind FULL_RECORD); everyone else sees them masked.")
    @APIResponse(responseCode = "200", description = "The petition",
            content = @Content(schema = @Schema(implementation = PetitionDetails.class)))
    @APIResponse(responseCode = "404", description = "No such petition",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PetitionDetails> get(@PathParam("id") UUID id) {
        boolean fullRecord = identity.hasRole(Roles.RECEPTION) || identity.hasRole(Roles.SUPERVISOR);
        String viewer = actor();
        return queries.find(id).chain(found -> {
            var view = found.orElseThrow(() -> new NotFoundException("no petition " + id));
            if (!access.mayRead(view.department())) {
                throw new ForbiddenException("petition " + id + " is not held by your department");
            }
            Uni<Void> recorded = fullRecord ? recordViews.record(id, viewer) : Uni.createFrom().voidItem();
            return recorded.chain(() -> reader.details(view, fullRecord));
        });
    }

    @POST
    @Path("{id}/acceptance-notice")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Record the written notice telling the petitioner whether the matter is accepted",
            description = "Once per petition (a second is 409); due within 15 days of receipt under the Regulations on "
                    + "Letters and Visits Work. The case page shows it beside the deadline.")
    @APIResponse(responseCode = "201", description = "Recorded")
    public Uni<Response> recordAcceptanceNotice(@PathParam("id") UUID id, @Valid @NotNull AcceptanceNoticeRequest request) {
        return desk.recordAcceptanceNotice(id, request, actor())
                .map(outcome -> Response.created(URI.create("/api/petitions/" + id))
                        .entity(Map.of("id", id, "sentOn", outcome.aggregate().state().acceptanceNotice().sentOn(),
                                "version", outcome.aggregate().version()))
                        .build());
    }

    @GET
    @Path("{id}/receipt")
    @RolesAllowed({ Roles.RECEPTION, Roles.SUPERVISOR })
    @Operation(summary = "The visitor's receipt",
            description = "Case number, day received, subject, the statutory day by which the petitioner is told in "
                    + "writing whether the matter is accepted, and how to ask about progress; the ID number masked. "
                    + "Recorded in the access log (GET /api/admin/record-views, kind RECEIPT), as is the PDF.")
    @APIResponse(responseCode = "404", description = "No such petition",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Receipt> receipt(@PathParam("id") UUID id) {
        String viewer = actor();
        return queries.find(id).chain(found -> {
            var view = found.orElseThrow(() -> new NotFoundException("no petition " + id));
            return recordViews.receipt(id, viewer).replaceWith(new Receipt(view.caseNumber(), view.receivedOn(),
                    view.petitionerErased() ? null : view.petitionerName(), view.idNumber(), view.subject(),
                    limits.acceptanceNoticeDue(view.receivedOn()), enquiries));
        });
    }

    @GET
    @Path("{id}/receipt.pdf")
    @Produces({ PdfFile.MEDIA_TYPE, Problem.MEDIA_TYPE })
    @RolesAllowed({ Roles.RECEPTION, Roles.SUPERVISOR })
    @Operation(summary = "The visitor's receipt as a PDF (A5, Chinese, the font embedded), to print or send",
            description = "What GET /api/petitions/{id}/receipt gives, laid out as the slip handed over the counter.")
    public Uni<Response> receiptPdf(@PathParam("id") UUID id) {
        return receipt(id).emitOn(Infrastructure.getDefaultWorkerPool()) // laying out a PDF is work for a worker
                .map(receipt -> Response.ok(PdfFile.write(ReceiptDocument.of(receipt))).type(PdfFile.MEDIA_TYPE)
                        .header("Content-Disposition", "attachment; filename=\"receipt-" + receipt.caseNumber() + ".pdf\"")
                        .build());
    }

    @POST
    @Path("search")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.RECEPTION, Roles.SUPERVISOR, Roles.LEADER })
    @Operation(summary = "Search petitions, by resident ID number or name too",
            description = "As GET /api/petitions, with the text and ID number in the body, never in a URL; the ID "
                    + "number matches exactly. A department leader finds only petitions whose case their department "
                    + "holds; naming another department is 403. Each page is recorded in the access log (kind SEARCH).")
    public Uni<PetitionQueries.Page> searchByBody(@Valid @NotNull SearchRequest request) {
        PetitionFilter filter = filter(request.q(), request.idNumber(), request.status(), request.town(),
                request.department(), request.receivedFrom(), request.receivedTo(), request.noticeLate());
        return search(filter, Paging.of(request.page(), request.size(), 20), request.after());
    }

    @POST
    @Path("export")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({ Exports.CSV, Exports.XLSX, Problem.MEDIA_TYPE })
    @RolesAllowed({ Roles.RECEPTION, Roles.SUPERVISOR, Roles.LEADER })
    @Operation(summary = "The petitions a search finds, as a CSV file or an Excel workbook",
            description = "format: csv (default) or xlsx. The body is a search (POST /api/petitions/search; page, size "
                    + "and after are ignored): every petition it finds, in its order, the ID number masked. At most "
                    + "10,000 rows; more is a 400. A department leader's: only petitions whose case their department holds. "
                    + "Recorded in the access log (kind EXPORT: who, the fields searched by, the petitions in the file).")
    public Uni<Response> export(@QueryParam("format") String format, @Valid @NotNull SearchRequest request) {
        ExportFormat wanted = ExportFormat.of(format);
        PetitionFilter filter = filter(request.q(), request.idNumber(), request.status(), request.town(),
                request.department(), request.receivedFrom(), request.receivedTo(), request.noticeLate());
        LocalDate today = LocalDate.now(clock);
        String viewer = actor();
        return queries.search(filter, 0, Exports.MAX_ROWS + 1, null).chain(page -> {
            Response file = Exports.download(wanted, "petitions", today, PetitionExports.columns(), page.items());
            return recordViews.listed(RecordViews.Access.EXPORT, viewer, filter.searchedBy(), ids(page)).replaceWith(file);
        });
    }

    @GET
    @RolesAllowed({ Roles.RECEPTION, Roles.SUPERVISOR, Roles.LEADER })
    @Operation(summary = "Search petitions",
            description = "q: a case number (exactly, also without XF-), or part of the petitioner's name or the "
                    + "subject, also a name only like it (trigram similarity); results are ranked best first and each "
                    + "says why it matched (matchedOn: CASE_NUMBER, NAME, NAME_SIMILAR, SUBJECT, SUBJECT_SIMILAR). "
                    + "Without q, newest first; after= the previous page's next pages deep lists by keyset. Filters: "
                    + "status, town, department, receivedFrom, receivedTo; noticeLate=true: the written notice of "
                    + "acceptance not recorded and its 15 days (to the next working day) past. ID numbers masked. To look up an ID number, "
                    + "POST it to /api/petitions/search: an idNumber here is refused with 400, because URLs end up in "
                    + "logs and histories. A department leader finds only petitions whose case their department holds; "
                    + "naming another department is 403. Each page is recorded in the access log (GET "
                    + "/api/admin/record-views, kind SEARCH: who, the fields searched by, never the text, the petitions "
                    + "shown).")
    public Uni<PetitionQueries.Page> search(@QueryParam("q") String q,
            @Parameter(hidden = true) @QueryParam("idNumber") String idNumber,
            @Parameter(schema = @Schema(implementation = PetitionStatus.class)) @QueryParam("status") String status,
            @QueryParam("town") String town,
            @Parameter(description = "PUBLIC_SECURITY, PROCURATORATE, COURT or JUSTICE_BUREAU") @QueryParam("department") String department,
            @Parameter(description = "Received on or after (date)") @QueryParam("receivedFrom") String receivedFrom,
            @Parameter(description = "Received on or before (date)") @QueryParam("receivedTo") String receivedTo,
            @Parameter(description = "true: only petitions whose written notice of acceptance is late")
            @QueryParam("noticeLate") boolean noticeLate,
            @Parameter(description = "0-based page", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0"))
            @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 100; a page beyond the first 10,000 items is refused", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "20"))
            @QueryParam("size") String size,
            @Parameter(description = "Without q: the next value of the previous page (keyset paging)") @QueryParam("after") String after) {
        if (idNumber != null) {
            throw new InvalidField("idNumber", "send a resident ID number in the body of POST /api/petitions/search, "
                    + "never in a URL");
        }
        PetitionFilter filter = filter(q, null, status, town, department, QueryParams.date("receivedFrom", receivedFrom),
                QueryParams.date("receivedTo", receivedTo), noticeLate);
        return search(filter, Paging.of(page, size, 20), after);
    }

    /** A page of the search, recorded in the access log (kind SEARCH) before it is answered. */
    private Uni<PetitionQueries.Page> search(PetitionFilter filter, Paging paging, String after) {
        PetitionCursor cursor = PetitionCursor.of(after);
        if (cursor != null && filter.ranked()) {
            throw new InvalidField("after", "a search with q is ranked and pages by page number, not after a cursor");
        }
        String viewer = actor();
        return queries.search(filter, cursor == null ? paging.page() : 0, paging.size(), cursor)
                .call(page -> recordViews.listed(RecordViews.Access.SEARCH, viewer, filter.searchedBy(), ids(page)));
    }

    private static List<UUID> ids(PetitionQueries.Page page) {
        return page.items().stream().map(PetitionSummary::id).toList();
    }

    private PetitionFilter filter(String q, String idNumber, String status, String town, String department,
            LocalDate receivedFrom, LocalDate receivedTo, Boolean noticeLate) {
        if (q != null && q.length() > 200) {
            throw new InvalidField("q", "at most 200 characters");
        }
        if (receivedFrom != null && receivedTo != null && receivedTo.isBefore(receivedFrom)) {
            throw new InvalidField("receivedTo", "must not be before receivedFrom");
        }
        PetitionStatus wantedStatus = QueryParams.oneOf("status", status, PetitionStatus.class);
        Department wantedDepartment = QueryParams.oneOf("department", department, Department.class);
        if (wantedDepartment != null) {
            leaders.requireOwn(wantedDepartment);
        }
        // a department leader finds only the petitions their department holds the case of
        wantedDepartment = leaders.department().orElse(wantedDepartment);
        return new PetitionFilter(q, idNumber, wantedStatus == null ? null : wantedStatus.name(), town,
                wantedDepartment == null ? null : wantedDepartment.name(), receivedFrom, receivedTo,
                Boolean.TRUE.equals(noticeLate) ? limits.lastReceiptWithNoticeLateOn(LocalDate.now(clock)) : null);
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
