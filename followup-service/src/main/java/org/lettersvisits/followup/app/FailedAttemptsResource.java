package org.lettersvisits.followup.app;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.json.JsonString;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lettersvisits.contracts.Roles;
import org.lettersvisits.eventstore.EventMetadata;
import org.lettersvisits.followup.domain.ReturnVisitCommand.RecordFailedAttempt;
import org.lettersvisits.followup.worklist.ReturnVisitQueries;
import org.lettersvisits.problem.IfMatch;
import org.lettersvisits.problem.Problem;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Calls that did not reach the petitioner. The officer records each, so the worklist shows who was tried how often and
 * the petition's timeline shows the tries; only the completion counts as the visit.
 */
@Path("/api/return-visits/{id}/attempts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Return visits")
@APIResponse(responseCode = "400", description = "Invalid request (a missing or unknown reason); `violations` lists the "
        + "fields", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "The token's roles do not allow this call")
public class FailedAttemptsResource {

    /** The token claim with the user's full name; without it the user name stands in. */
    private static final String NAME_CLAIM = "name";

    private final ReturnVisitQueries queries;
    private final FollowupDesk desk;
    private final SecurityIdentity identity;

    FailedAttemptsResource(ReturnVisitQueries queries, FollowupDesk desk, SecurityIdentity identity) {
        this.queries = queries;
        this.desk = desk;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FOLLOWUP)
    @Operation(summary = "Record a call that did not reach the petitioner", description = "reason: NO_ANSWER, "
            + "WRONG_NUMBER or REFUSED. Any number per visit; none after the visit was completed (409). The visit stays "
            + "due, and becomes overdue, as before. Answers the visit with attempts and lastAttempt.")
    @APIResponse(responseCode = "201", description = "Recorded")
    @APIResponse(responseCode = "404", description = "No such return visit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The visit is already completed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "attemptedOn before the closing date or in the future",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> record(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Parameter(description = "Client-chosen key that makes a retry safe: a try after one that took effect is "
                    + "answered with the visit as it is") @HeaderParam("Idempotency-Key") String idempotencyKey,
            @Valid @NotNull AttemptRequest request) {
        LocalDate today = desk.today();
        RecordFailedAttempt command = new RecordFailedAttempt(request.attemptedOn() == null ? today : request.attemptedOn(),
                today, blank(request.visitor()) ? signedInName() : request.visitor().trim(), request.reason(),
                blank(request.notes()) ? null : request.notes());
        return queries.find(id, today)
                .chain(found -> {
                    found.orElseThrow(() -> new NotFoundException("no return visit " + id));
                    return desk.execute(id, command, IfMatch.version(ifMatch),
                            EventMetadata.ofRequest(identity.getPrincipal().getName()), idempotencyKey);
                })
                .chain(done -> queries.find(id, today))
                .map(item -> Response.status(Response.Status.CREATED).entity(item.orElseThrow()).build());
    }

    /** Who tried, when the request does not say: the signed-in user, by the name in their token or their user name. */
    private String signedInName() {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            Object claim = token.getClaim(NAME_CLAIM);
            String name = claim instanceof String text ? text : claim instanceof JsonString json ? json.getString() : null;
            if (!blank(name)) {
                return name.trim();
            }
        }
        return identity.getPrincipal().getName();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
