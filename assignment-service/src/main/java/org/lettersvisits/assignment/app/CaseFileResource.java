package org.lettersvisits.assignment.app;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.lettersvisits.assignment.access.CaseFileReaders;
import org.lettersvisits.contracts.Roles;
import org.lettersvisits.petitioners.PetitionRecords;
import org.lettersvisits.problem.Problem;
import org.lettersvisits.time.StatutoryLimits;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

/**
 * The case file ({@link CaseFileView}) and the petitioner's contact details on it. Who may read it is decided here,
 * from the case as this service holds it ({@link CaseFileReaders}), before petition-service is asked with the caller's
 * own token; petition-service then applies its own rules (its 403 is passed on) and logs the reading.
 */
@Path("/api/cases/{id}/file")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cases")
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "Not among the case's readers: another department's case, another "
        + "department's leader, a return-visit officer on a case never closed, or refused by petition-service",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such case",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class CaseFileResource {

    private static final Logger LOG = Logger.getLogger(CaseFileResource.class);

    /** The petitioner's phone and address whole. */
    public record Contact(String phone, String address) {
    }

    private final CaseDesk desk;
    private final CaseFileReaders readers;
    private final PetitionRecords records;
    private final ObjectMapper json;
    private final StatutoryLimits limits;

    CaseFileResource(CaseDesk desk, CaseFileReaders readers, PetitionRecords records, ObjectMapper json,
            StatutoryLimits limits) {
        this.desk = desk;
        this.readers = readers;
        this.records = records;
        this.json = json;
        this.limits = limits;
    }

    @GET
    @RolesAllowed({ Roles.RECEPTION, Roles.SUPERVISOR, Roles.LEADER, Roles.FOLLOWUP, Roles.DEPT_PUBLIC_SECURITY,
            Roles.DEPT_PROCURATORATE, Roles.DEPT_COURT, Roles.DEPT_JUSTICE_BUREAU })
    @Operation(summary = "The whole case file: the case, the petition, the petitioner (masked), timeline and return visits",
            description = "Reception, supervisors and leaders (a department leader only their department's), the holding "
                    + "department's officers, and the return-visit officers once the case was ever closed. The petition's "
                    + "part is read from petition-service with the caller's token, which logs the reading; when it cannot "
                    + "answer, that part is null and petitionUnavailable true. deadlines lists those that bind today, "
                    + "daysLeft negative when past. ETag carries the case's version for If-Match.")
    @APIResponse(responseCode = "200", description = "The case file",
            content = @Content(schema = @Schema(implementation = CaseFileView.class)))
    public Uni<Response> file(@PathParam("id") UUID id) {
        return readers.readable(id).chain(aggregate -> records.caseFile(aggregate.state().petitionId())
                .map(answer -> PetitionPart.read(answer, json))
                .onFailure(CaseFileResource::petitionPartMissing).recoverWithItem(failure -> {
                    LOG.warnf("case file %s without the petition's part: %s", id, failure.getMessage());
                    return null;
                })
                .map(petition -> Response.ok(CaseFileView.of(aggregate, petition, desk.today(), limits))
                        .tag(new EntityTag(String.valueOf(aggregate.version()))).build()));
    }

    @POST
    @Path("reveal")
    @RolesAllowed({ Roles.RECEPTION, Roles.SUPERVISOR, Roles.LEADER, Roles.FOLLOWUP, Roles.DEPT_PUBLIC_SECURITY,
            Roles.DEPT_PROCURATORATE, Roles.DEPT_COURT, Roles.DEPT_JUSTICE_BUREAU })
    @Operation(summary = "The petitioner's phone and address whole, to call or write to them",
            description = "The same readers as the case file. Petition-service gives them and logs the reveal; 503 when "
                    + "it cannot answer.")
    @APIResponse(responseCode = "200", description = "The phone and the address",
            content = @Content(schema = @Schema(implementation = Contact.class)))
    @APIResponse(responseCode = "503", description = "petition-service cannot answer; try again shortly",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Contact> reveal(@PathParam("id") UUID id) {
        return readers.readable(id).chain(aggregate -> records.reveal(aggregate.state().petitionId()))
                .map(answer -> new Contact(text(answer, "phone"), text(answer, "address")))
                .onFailure(PetitionRecords.Unavailable.class).transform(failure -> new ServiceUnavailableException(
                        "petition-service cannot show the petitioner's contact details now; try again shortly"));
    }


    /**
     * Petition-service could not give the petition's part: it did not answer, answered what does not read, or knows no
     * such petition (assignment does, so the case's part is still shown). Its refusal (403) is no such failure.
     */
    private static boolean petitionPartMissing(Throwable failure) {
        return failure instanceof PetitionRecords.Unavailable || failure instanceof PetitionPart.Unreadable
                || failure instanceof NotFoundException;
    }

    private static String text(JsonNode answer, String field) {
        JsonNode value = answer.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }
}
