package org.lettersvisits.assignment.documents;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lettersvisits.assignment.access.CaseFileReaders;
import org.lettersvisits.assignment.domain.CaseFile;
import org.lettersvisits.contracts.Roles;
import org.lettersvisits.documents.CaseNotices;
import org.lettersvisits.documents.DocxFile;
import org.lettersvisits.documents.NoticeKind;
import org.lettersvisits.documents.PdfFile;
import org.lettersvisits.petitioners.PetitionRecords;
import org.lettersvisits.problem.InvalidField;
import org.lettersvisits.problem.Problem;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * {@code GET /api/cases/{id}/documents}: the notices the case has issued ({@link IssuedDocuments}), and each as a PDF
 * or a Word file, generated from the case's events when asked. The readers are the case file's ({@link CaseFileReaders}).
 * The notices addressed to the petitioner name them: petition-service alone holds the name, so it is asked with the
 * caller's token ({@link PetitionRecords}, which petition-service logs as a reading of the case file); while it cannot
 * answer those are 503, the 交办单 needs no name. Once the petitioner is erased, the list still lists every document
 * (its kind and day) and each download is 410: the texts it would hold are gone.
 */
@Path("/api/cases/{id}/documents")
@Tag(name = "Cases")
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "Not among the case file's readers",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such case, or no such document of it",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class CaseDocumentsResource {

    /** The documents of a case, in the order issued. */
    public record Documents(List<Document> items) {
    }

    /** One document: {@code id} names it within the case, {@code href} downloads it (a PDF; {@code ?format=docx}). */
    public record Document(String id, NoticeKind kind, LocalDate issuedOn, String href) {
    }

    /** The files a document comes as. */
    enum Format {
        PDF(PdfFile.MEDIA_TYPE), DOCX(DocxFile.MEDIA_TYPE);

        final String mediaType;

        Format(String mediaType) {
            this.mediaType = mediaType;
        }

        /** {@code format} when given (pdf or docx, else 400); else a Word file if that is all Accept asks for; else PDF. */
        static Format of(String format, String accept) {
            if (format != null && !format.isBlank()) {
                try {
                    return valueOf(format.trim().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new InvalidField("format", "must be pdf or docx");
                }
            }
            return accept != null && accept.contains(DocxFile.MEDIA_TYPE) && !accept.contains(PdfFile.MEDIA_TYPE) ? DOCX : PDF;
        }
    }

    private static final String READERS_DESCRIPTION = "Readers: as the case file's (reception, supervisors, leaders, a "
            + "department leader their department's, the holding department's officers, the return-visit officers once the "
            + "case was ever closed).";

    private final CaseFileReaders readers;
    private final PetitionRecords records;
    private final CaseNotices notices;

    CaseDocumentsResource(CaseFileReaders readers, PetitionRecords records, CaseNotices notices) {
        this.readers = readers;
        this.records = records;
        this.notices = notices;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.RECEPTION, Roles.SUPERVISOR, Roles.LEADER, Roles.FOLLOWUP, Roles.DEPT_PUBLIC_SECURITY,
            Roles.DEPT_PROCURATORATE, Roles.DEPT_COURT, Roles.DEPT_JUSTICE_BUREAU })
    @Operation(summary = "The documents the case has issued: 交办单, 受理告知书, 延期告知书, 处理意见书",
            description = "One per event that issues it, in that order: ASSIGNMENT_SHEET on the assignment and on each "
                    + "transfer, ACCEPTANCE_NOTICE on each acceptance, EXTENSION_NOTICE on the extension, WRITTEN_ANSWER on "
                    + "each closure; issuedOn is the event's day, id names the kind and the event's version "
                    + "(written-answer-7). Still listed once the petitioner is erased. " + READERS_DESCRIPTION)
    @APIResponse(responseCode = "200", description = "The documents",
            content = @Content(schema = @Schema(implementation = Documents.class)))
    public Uni<Documents> list(@PathParam("id") UUID id) {
        return readers.readable(id).map(aggregate -> new Documents(IssuedDocuments.of(aggregate.history()).stream()
                .map(issued -> new Document(issued.id(), issued.kind(), issued.issuedOn(),
                        "/api/cases/" + id + "/documents/" + issued.id()))
                .toList()));
    }

    @GET
    @Path("{documentId}")
    @Produces({ PdfFile.MEDIA_TYPE, DocxFile.MEDIA_TYPE, Problem.MEDIA_TYPE })
    @RolesAllowed({ Roles.RECEPTION, Roles.SUPERVISOR, Roles.LEADER, Roles.FOLLOWUP, Roles.DEPT_PUBLIC_SECURITY,
            Roles.DEPT_PROCURATORATE, Roles.DEPT_COURT, Roles.DEPT_JUSTICE_BUREAU })
    @Operation(summary = "One document of the case, as a PDF (A4, Chinese, the font embedded) or a Word file",
            description = "format: pdf (the default) or docx; without it, Accept naming only the Word type gives the Word "
                    + "file. Generated from the case's events now: the same events give the same document. The notices "
                    + "to the petitioner carry their name, asked of petition-service with the caller's token (which logs "
                    + "the reading). " + READERS_DESCRIPTION)
    @APIResponse(responseCode = "200", description = "The file")
    @APIResponse(responseCode = "400", description = "A format other than pdf or docx",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "410", description = "The petitioner was erased: the document's texts are gone",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "A notice to the petitioner, and petition-service cannot give "
            + "their name now; try again shortly",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> download(@PathParam("id") UUID id, @PathParam("documentId") String documentId,
            @QueryParam("format") String format, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        Format as = Format.of(format, accept);
        return readers.readable(id).chain(aggregate -> {
            CaseFile c = aggregate.state();
            IssuedDocuments.Issued issued = IssuedDocuments.find(aggregate.history(), documentId)
                    .orElseThrow(() -> new NotFoundException("case " + id + " issued no document " + documentId));
            if (c.personalDataErased() || c.subject() == null) {
                throw erased(documentId);
            }
            Uni<String> name = issued.kind().addressedToPetitioner() ? petitionerName(c, documentId)
                    : Uni.createFrom().nullItem();
            return name.emitOn(Infrastructure.getDefaultWorkerPool()) // laying out a document is work for a worker
                    .map(petitioner -> {
                        var document = issued.document(notices, petitioner);
                        byte[] file = as == Format.DOCX ? DocxFile.write(document) : PdfFile.write(document);
                        return Response.ok(file).type(as.mediaType)
                                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + issued.id() + "-"
                                        + c.caseNumber() + "." + as.name().toLowerCase(Locale.ROOT) + "\"")
                                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                                .build();
                    });
        });
    }


    /** The petitioner's name as petition-service gives it; 410 once erased there, 503 while it cannot answer. */
    private Uni<String> petitionerName(CaseFile c, String documentId) {
        return records.caseFile(c.petitionId()).map(answer -> {
            JsonNode name = answer.path("petitioner").path("name");
            if (answer.path("petitionerErased").asBoolean(false) || !name.isTextual() || name.asText().isBlank()) {
                throw erased(documentId);
            }
            return name.asText();
        }).onFailure(failure -> failure instanceof PetitionRecords.Unavailable || failure instanceof NotFoundException)
                .transform(failure -> new ServiceUnavailableException("petition-service cannot give the petitioner's "
                        + "name now, which " + documentId + " is addressed to; try again shortly"));
    }

    private static ClientErrorException erased(String documentId) {
        return new ClientErrorException("the petitioner was erased: " + documentId + " is listed, its texts are gone",
                Response.Status.GONE);
    }
}
