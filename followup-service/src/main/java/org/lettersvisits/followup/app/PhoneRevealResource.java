package org.lettersvisits.followup.app;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.NotFoundException;
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
import org.lettersvisits.contracts.Roles;
import org.lettersvisits.followup.worklist.PetitionerContacts;
import org.lettersvisits.followup.worklist.ReturnVisitQueries;
import org.lettersvisits.problem.Problem;

import io.smallrye.mutiny.Uni;

/**
 * The whole phone number of a visit's petitioner, for the officer about to call. The worklist shows it masked; each
 * reveal is a POST because it is an act petition-service logs (who saw whose number, when), not a read to cache.
 */
@Path("/api/return-visits/{id}/reveal-phone")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Return visits")
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "The token's roles (or petition-service's rules) do not allow this call")
public class PhoneRevealResource {

    /** The petitioner's phone number, whole; null when petition-service holds none. */
    public record RevealedPhone(String phone) {
    }

    private final ReturnVisitQueries queries;
    private final FollowupDesk desk;
    private final PetitionerContacts petitioners;

    PhoneRevealResource(ReturnVisitQueries queries, FollowupDesk desk, PetitionerContacts petitioners) {
        this.queries = queries;
        this.desk = desk;
        this.petitioners = petitioners;
    }

    @POST
    @RolesAllowed(Roles.FOLLOWUP)
    @Operation(summary = "Show the petitioner's phone number whole", description = "Asked of petition-service with the "
            + "caller's token; petition-service logs the reveal.")
    @APIResponse(responseCode = "200", description = "The number")
    @APIResponse(responseCode = "404", description = "No such return visit, or it knows no petition (scheduled before "
            + "visits kept theirs)", content = @Content(mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "petition-service cannot answer now",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RevealedPhone> reveal(@PathParam("id") UUID id) {
        return queries.find(id, desk.today())
                .chain(found -> {
                    UUID petitionId = found.orElseThrow(() -> new NotFoundException("no return visit " + id)).petitionId();
                    if (petitionId == null) {
                        throw new NotFoundException("the return visit " + id + " knows no petition: it was scheduled "
                                + "before visits kept theirs");
                    }
                    return petitioners.revealPhone(petitionId);
                })
                .map(RevealedPhone::new);
    }
}
