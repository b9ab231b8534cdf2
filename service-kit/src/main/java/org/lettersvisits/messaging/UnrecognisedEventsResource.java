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
import org.lettersvisits.messaging.UnrecognisedEvents.RedriveReport;
import org.lettersvisits.messaging.UnrecognisedEvents.Unrecognised;

import io.smallrye.mutiny.Uni;

/** The events this service received and did not understand, for administrators: what, and a redrive after an upgrade. */
@Path("/api/admin/unrecognised-events")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Dead letters")
public class UnrecognisedEventsResource {

    /** Every event kept as not understood. */
    public record UnrecognisedList(int total, List<Unrecognised> items) {
    }

    @Inject
    UnrecognisedEvents unrecognised;

    @GET
    @Operation(summary = "Every event of a type this service did not know when it arrived, kept for a redrive")
    public Uni<UnrecognisedList> list() {
        return unrecognised.list().map(items -> new UnrecognisedList(items.size(), items));
    }

    @POST
    @Path("redrive")
    @Operation(summary = "Hand every kept event to its subscription again, after an upgrade",
            description = "What the service now understands is applied once and forgotten here; the rest stays.")
    public Uni<RedriveReport> redrive() {
        return unrecognised.redrive();
    }
}
