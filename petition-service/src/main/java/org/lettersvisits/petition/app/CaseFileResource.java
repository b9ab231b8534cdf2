package org.lettersvisits.petition.app;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
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
import org.lettersvisits.contracts.Roles;
import org.lettersvisits.petition.app.Contacts.Contact;
import org.lettersvisits.petition.privacy.Masking;
import org.lettersvisits.petition.privacy.RecordViews;
import org.lettersvisits.petition.search.ClosedCases;
import org.lettersvisits.petition.search.PetitionQueries;
import org.lettersvisits.petition.search.PetitionSummary;
import org.lettersvisits.problem.Problem;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The petitioner as the other services show them: assignment-service's case file and followup-service's return-visit
 * worklist hold no petitioner, so they ask here, passing on the user's own bearer token. The rules of who reads which
 * petition are this service's ({@link PetitionAccess}), and so is the record of every showing ({@link RecordViews}):
 * no service-to-service identity reads a petitioner on nobody's behalf.
 */
@Path("/api/petitions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Petitions")
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "The token's roles do not allow this call, or not for this petition",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class CaseFileResource {

    private final PetitionQueries queries;
    private final PetitionReader reader;
    private final PetitionAccess access;
    private final ClosedCases closedCases;
    private final RecordViews recordViews;
    private final SecurityIdentity identity;

    CaseFileResource(PetitionQueries queries, PetitionReader reader, PetitionAccess access, ClosedCases closedCases,
            RecordViews recordViews, SecurityIdentity identity) {
        this.queries = queries;
        this.reader = reader;
        this.access = access;
        this.closedCases = closedCases;
        this.recordViews = recordViews;
        this.identity = identity;
    }

    @GET
    @Path("{id}/case-file")
    @RolesAllowed({ Roles.RECEPTION, Roles.SUPERVISOR, Roles.LEADER, Roles.FOLLOWUP, Roles.DEPT_PUBLIC_SECURITY,
            Roles.DEPT_PROCURATORATE, Roles.DEPT_COURT, Roles.DEPT_JUSTICE_BUREAU })
    @Operation(summary = "A petition as a case file shows it: the petitioner masked, for every role",
            description = "What GET /api/petitions/{id} answers, with the ID number, phone and address always masked "
                    + "(the name whole); POST .../petitioner/reveal shows the phone and address whole. Readers: "
                    + "reception, supervisors, leaders (a department leader: their department's), the officers of the "
                    + "department holding the case, and the return-visit office (followup) once the case was ever "
                    + "closed (a case.closed in its timeline or a return visit; reopened since still counts). Each read "
                    + "is recorded in the access log (GET /api/admin/record-views, kind CASE_FILE).")
    @APIResponse(responseCode = "200", description = "The petition",
            content = @Content(schema = @Schema(implementation = PetitionDetails.class)))
    @APIResponse(responseCode = "404", description = "No such petition",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PetitionDetails> caseFile(@PathParam("id") UUID id) {
        String viewer = actor();
        return readable(id).call(() -> recordViews.caseFile(id, viewer)).chain(view -> reader.details(view, false));
    }

    @POST
    @Path("{id}/petitioner/reveal")
    @RolesAllowed({ Roles.RECEPTION, Roles.SUPERVISOR, Roles.LEADER, Roles.FOLLOWUP, Roles.DEPT_PUBLIC_SECURITY,
            Roles.DEPT_PROCURATORATE, Roles.DEPT_COURT, Roles.DEPT_JUSTICE_BUREAU })
    @Operation(summary = "The petitioner's phone and address whole, to call or visit them",
            description = "No body. Whoever may read the petition's case file (GET .../case-file), and only then. Each "
                    + "reveal is recorded in the access log (kind REVEAL) before it is answered; a petitioner since "
                    + "erased has nothing to reveal (410, nothing recorded).")
    @APIResponse(responseCode = "200", description = "The phone and address; either null where none was given",
            content = @Content(schema = @Schema(implementation = RevealedPetitioner.class)))
    @APIResponse(responseCode = "404", description = "No such petition",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "410", description = "The petitioner was erased",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RevealedPetitioner> reveal(@PathParam("id") UUID id) {
        String viewer = actor();
        return readable(id).chain(view -> view.petitionerErased() ? Uni.createFrom().failure(erased(id))
                : reader.petitioner(id).map(opened -> opened.orElseThrow(() -> erased(id))))
                .call(() -> recordViews.reveal(id, viewer))
                .map(petitioner -> new RevealedPetitioner(petitioner.phone(), petitioner.address()));
    }

    @POST
    @Path("contacts")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.FOLLOWUP, Roles.SUPERVISOR, Roles.LEADER })
    @Operation(summary = "Name and masked phone of the petitioners of up to 100 petitions, for a return-visit worklist",
            description = "In the order asked, each id once. Left out without a word: unknown ids, for the return-visit "
                    + "office petitions whose case was never closed, for a department leader another department's. "
                    + "An erased petitioner is listed with erased true and no name or phone. Recorded in the access "
                    + "log as one entry of kind CONTACTS naming every petition listed; nothing when none is.")
    @APIResponse(responseCode = "200", description = "The contacts",
            content = @Content(schema = @Schema(implementation = Contacts.class)))
    @APIResponse(responseCode = "400", description = "No ids, more than 100, or one that is not a UUID; nothing recorded",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Contacts> contacts(@Valid @NotNull ContactsRequest request) {
        List<UUID> asked = request.petitionIds().stream().distinct().toList();
        String viewer = actor();
        return Uni.combine().all().unis(queries.find(asked), closedCases.everClosed(asked)).asTuple()
                .map(found -> readable(asked, found.getItem1(), found.getItem2()))
                .chain(views -> Multi.createFrom().iterable(views).onItem().transformToUniAndConcatenate(this::contact)
                        .collect().asList())
                .call(items -> recordViews.contacts(viewer, items.stream().map(Contact::petitionId).toList()))
                .map(Contacts::new);
    }

    /** The petition, once the caller may read its case file: 404 for none, 403 for one not theirs. */
    private Uni<PetitionSummary> readable(UUID id) {
        return queries.find(id).map(found -> found.orElseThrow(() -> new NotFoundException("no petition " + id)))
                .call(access::requireCaseFile);
    }

    /** The petitions among {@code found} the caller may read the case file of, in the order {@code asked}. */
    private List<PetitionSummary> readable(List<UUID> asked, List<PetitionSummary> found, Set<UUID> everClosed) {
        Map<UUID, PetitionSummary> byId = found.stream().collect(Collectors.toMap(PetitionSummary::id, Function.identity()));
        return asked.stream().map(byId::get).filter(Objects::nonNull)
                .filter(view -> access.mayReadCaseFile(view.department(), everClosed.contains(view.id()))).toList();
    }

    private Uni<Contact> contact(PetitionSummary view) {
        Contact erased = new Contact(view.id(), null, null, true);
        return view.petitionerErased() ? Uni.createFrom().item(erased)
                : reader.petitioner(view.id()).map(opened -> opened
                        .map(p -> new Contact(view.id(), p.name(), Masking.phone(p.phone()), false)).orElse(erased));
    }

    private static ClientErrorException erased(UUID id) {
        return new ClientErrorException("the petitioner of petition " + id + " was erased: there is nothing to reveal",
                Response.Status.GONE);
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
