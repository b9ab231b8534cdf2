package org.lettersvisits.petition.erasure;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.lettersvisits.contracts.Roles;
import org.lettersvisits.problem.Problem;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/** Erasure of a petitioner's personal data on request (PIPL), by an administrator. */
@Path("/api/admin/petitioners/{petitionId}/erasure")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Administration")
public class ErasureResource {

    private static final Logger LOG = Logger.getLogger(ErasureResource.class);

    /** The answer to an erasure. */
    public record Erased(UUID petitionId, boolean petitionerErased, int version) {
    }

    private final PetitionerErasure erasure;
    private final SecurityIdentity identity;

    ErasureResource(PetitionerErasure erasure, SecurityIdentity identity) {
        this.erasure = erasure;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Erase the petitioner's personal data",
            description = "Deletes the petitioner's data key and records PetitionerErased: from then on every read shows "
                    + "the person as erased and the ID number can no longer be found; the petition, its case and every "
                    + "count stay. The erasure ledger (topic petitioner-erasures.v1) records who erased, when and on what "
                    + "legal ground (legalGround, PETITIONER_REQUEST when left out; the free-text reason stays in the "
                    + "event store), so that a restore of an older backup applies it again.")
    @APIResponse(responseCode = "200", description = "Erased", content = @Content(schema = @Schema(implementation = Erased.class)))
    @APIResponse(responseCode = "404", description = "No such petition",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already erased",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Erased> erase(@PathParam("petitionId") UUID petitionId, @Valid @NotNull ErasureRequest request) {
        return erasure.erase(petitionId, request.reason().trim(), request.groundOrDefault(), identity.getPrincipal().getName())
                .invoke(() -> LOG.infof("erased the petitioner of petition %s", petitionId)) // the reason may name people
                .map(outcome -> new Erased(petitionId, true, outcome.aggregate().version()));
    }
}
