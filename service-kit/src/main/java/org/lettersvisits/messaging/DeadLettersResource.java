package org.lettersvisits.messaging;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lettersvisits.contracts.Roles;
import org.lettersvisits.messaging.DeadLetters.DeadLetter;
import org.lettersvisits.messaging.DeadLetters.RedriveReport;

import io.smallrye.mutiny.Uni;

/** The dead letters of this service, for administrators: what is there, and a redrive after a fix. */
@Path("/api/admin/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Dead letters")
public class DeadLettersResource {

    /** The dead-letter topic and everything in it. */
    public record DeadLetterList(String topic, int total, int pending, List<DeadLetter> items) {
    }

    @Inject
    DeadLetters deadLetters;

    @GET
    @Operation(summary = "Every record this service could never apply, with the reason and whether it has been applied since")
    public Uni<DeadLetterList> list() {
        return deadLetters.list().map(items -> new DeadLetterList(deadLetters.topic(), items.size(),
                (int) items.stream().filter(i -> i.status().equals("PENDING")).count(), items));
    }

    @POST
    @Path("redrive")
    @Operation(summary = "Hand every dead letter to its consumer again",
            description = "Applies what can now be applied; what was applied before changes nothing, so a second run "
                    + "reports it as already applied. The dead-letter topic itself is never changed.")
    public Uni<RedriveReport> redrive() {
        return deadLetters.redrive();
    }
}
