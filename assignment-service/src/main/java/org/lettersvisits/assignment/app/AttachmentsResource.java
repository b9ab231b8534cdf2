package org.lettersvisits.assignment.app;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.lettersvisits.assignment.access.CaseFileReaders;
import org.lettersvisits.assignment.access.DepartmentAccess;
import org.lettersvisits.assignment.domain.AttachmentKind;
import org.lettersvisits.assignment.domain.CaseFile;
import org.lettersvisits.contracts.Roles;
import org.lettersvisits.problem.Problem;

import io.smallrye.mutiny.Uni;

/**
 * The files of a case ({@link CaseAttachments}): added by those who act on the case (its department, the supervisors,
 * reception, who receives a petitioner's papers), read by whoever may open the case file ({@link CaseFileReaders}).
 */
@Path("/api/cases/{id}/attachments")
@Tag(name = "Cases")
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "Role not allowed, or the case is held by another department (a "
        + "return-visit officer reads a case's files once it was closed)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such case, or no such file of it",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "410", description = "The petitioner was erased: the case's files are gone",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class AttachmentsResource {

    /** The roles that add files to any case (a department only to the cases it holds). */
    private static final List<String> UNRESTRICTED = List.of(Roles.SUPERVISOR, Roles.RECEPTION);

    private final CaseDesk desk;
    private final CaseAttachments attachments;
    private final DepartmentAccess access;
    private final CaseFileReaders readers;

    AttachmentsResource(CaseDesk desk, CaseAttachments attachments, DepartmentAccess access, CaseFileReaders readers) {
        this.desk = desk;
        this.attachments = attachments;
        this.access = access;
        this.readers = readers;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.SUPERVISOR, Roles.RECEPTION, Roles.DEPT_PUBLIC_SECURITY, Roles.DEPT_PROCURATORATE,
            Roles.DEPT_COURT, Roles.DEPT_JUSTICE_BUREAU })
    @Operation(summary = "Add a file to the case: a PDF, JPEG or PNG",
            description = "multipart/form-data: file (required) and kind (LETTER, EVIDENCE, ANSWER, RECEIPT_PHOTO, "
                    + "OTHER; default OTHER). The file's type is judged by its first bytes (its signature), never by "
                    + "its name or Content-Type. The bytes are sealed under the petitioner's data key and recorded with "
                    + "the case's AttachmentAdded; nothing is written on any refusal.")
    @APIResponse(responseCode = "201", description = "Added; sha256 is the hex digest of the bytes received",
            content = @Content(schema = @Schema(implementation = AttachmentViews.Added.class)))
    @APIResponse(responseCode = "400", description = "No file, or an unknown kind",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Larger than attachments.max-size (10 MiB unless configured)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Not a PDF, JPEG or PNG by its signature",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> add(@PathParam("id") UUID id, @RestForm("file") FileUpload file, @RestForm("kind") String kind) {
        if (file == null) {
            throw new BadRequestException("the form has no file (field file)");
        }
        AttachmentKind attachmentKind = kindOf(kind);
        CaseAttachments.Upload upload = new CaseAttachments.Upload(DownloadName.cleaned(file.fileName()),
                file.uploadedFile(), file.size());
        var mayAct = access.mayActFor(UNRESTRICTED);
        return desk.load(id).chain(aggregate -> {
            CaseFile c = aggregate.state();
            if (!c.exists()) {
                throw new NotFoundException("no case " + id);
            }
            if (!mayAct.test(c.department())) {
                throw new ForbiddenException("the case is held by another department");
            }
            return attachments.add(id, upload, attachmentKind, access.actor(), mayAct);
        }).map(added -> Response.created(URI.create("/api/cases/" + id + "/attachments/" + added.attachmentId()))
                .entity(AttachmentViews.Added.of(added)).build());
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.RECEPTION, Roles.SUPERVISOR, Roles.LEADER, Roles.FOLLOWUP, Roles.DEPT_PUBLIC_SECURITY,
            Roles.DEPT_PROCURATORATE, Roles.DEPT_COURT, Roles.DEPT_JUSTICE_BUREAU })
    @Operation(summary = "The case's files, oldest first",
            description = "The readers of the case file. Each with its name (null once the petitioner was erased), "
                    + "type, size, SHA-256, the day it was added and who added it.")
    @APIResponse(responseCode = "200", description = "The files",
            content = @Content(schema = @Schema(implementation = AttachmentViews.Items.class)))
    public Uni<AttachmentViews.Items> list(@PathParam("id") UUID id) {
        return readers.readable(id).map(aggregate -> new AttachmentViews.Items(attachments.list(aggregate).stream()
                .map(AttachmentViews.Item::of).toList()));
    }

    @GET
    @Path("{aid}")
    @Produces({ MediaType.WILDCARD, Problem.MEDIA_TYPE })
    @RolesAllowed({ Roles.RECEPTION, Roles.SUPERVISOR, Roles.LEADER, Roles.FOLLOWUP, Roles.DEPT_PUBLIC_SECURITY,
            Roles.DEPT_PROCURATORATE, Roles.DEPT_COURT, Roles.DEPT_JUSTICE_BUREAU })
    @Operation(summary = "One file of the case: the bytes as uploaded",
            description = "The readers of the case file. Content-Type is the file's, Content-Disposition names it as "
                    + "uploaded (filename* in UTF-8). The bytes are checked against the SHA-256 recorded when the file "
                    + "was added: a file that does not match is not sent (500).")
    @APIResponse(responseCode = "200", description = "The file")
    @APIResponse(responseCode = "500", description = "The stored bytes do not open or differ from what was uploaded",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> download(@PathParam("id") UUID id, @PathParam("aid") UUID attachmentId) {
        return readers.readable(id).chain(aggregate -> attachments.open(aggregate, attachmentId))
                .map(opened -> Response.ok(opened.content(), opened.added().mediaType())
                        .header("Content-Disposition", DownloadName.contentDisposition(opened.added().name()))
                        .header("X-Content-Type-Options", "nosniff")
                        .header("Cache-Control", "no-store").build());
    }


    private static AttachmentKind kindOf(String kind) {
        if (kind == null || kind.isBlank()) {
            return AttachmentKind.OTHER;
        }
        try {
            return AttachmentKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("kind is one of " + List.of(AttachmentKind.values()));
        }
    }
}
