package org.lettersvisits.eventstore;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lettersvisits.contracts.Roles;
import org.lettersvisits.eventstore.Republication.Progress;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;

/** Where each republication of this service's history onto a new topic version stands, for administrators. */
@Path("/api/admin/republications")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Outbox")
@IfBuildProperty(name = "eventstore.outbox.enabled", stringValue = "true", enableIfMissing = true)
public class RepublicationsResource {

    @Inject
    Republication republication;

    @GET
    @Operation(summary = "Each republication: its cursor, chunks, events queued and remaining, and when it finished")
    public Uni<List<Progress>> list() {
        return republication.progress();
    }
}
