package org.lettersvisits.eventstore;

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
import org.lettersvisits.eventstore.SetAsideOutbox.Requeued;
import org.lettersvisits.eventstore.SetAsideOutbox.SetAsideRow;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;

/** The events this service could not publish as they were, for administrators: what and why, and a redrive. */
@Path("/api/admin/outbox/set-aside")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Outbox")
@IfBuildProperty(name = "eventstore.outbox.enabled", stringValue = "true", enableIfMissing = true)
public class SetAsideOutboxResource {

    /** Every row set aside. */
    public record SetAsideList(int total, List<SetAsideRow> items) {
    }

    @Inject
    SetAsideOutbox setAside;

    @GET
    @Operation(summary = "Every event the relay could never publish as it was, with the reason")
    public Uni<SetAsideList> list() {
        return setAside.list().map(items -> new SetAsideList(items.size(), items));
    }

    @POST
    @Path("redrive")
    @Operation(summary = "Queue every set-aside event for publication again, after a fix")
    public Uni<Requeued> redrive() {
        return setAside.redrive();
    }
}
