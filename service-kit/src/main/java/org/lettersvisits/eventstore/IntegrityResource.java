package org.lettersvisits.eventstore;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lettersvisits.contracts.Roles;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;

/** The event log's integrity, for administrators. */
@Path("/api/admin/integrity")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Administration")
@IfBuildProperty(name = "eventstore.outbox.enabled", stringValue = "true", enableIfMissing = true)
public class IntegrityResource {

    @Inject
    EventLogIntegrity integrity;

    @GET
    @Operation(summary = "Verify the event log's hash chains and anchors",
            description = "Recomputes every event's hash from the stored row and the previous event of its stream, "
                    + "checks the chain of anchors and that the latest anchor's stream heads are all still there; "
                    + "names the first broken event. An erasure breaks nothing: it deletes a key, not an event.")
    public Uni<IntegrityReport> verify() {
        return integrity.verify();
    }
}
