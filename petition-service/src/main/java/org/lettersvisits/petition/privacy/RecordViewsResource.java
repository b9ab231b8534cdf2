package org.lettersvisits.petition.privacy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lettersvisits.contracts.Roles;
import org.lettersvisits.problem.QueryParams;

import io.smallrye.mutiny.Uni;

/** The record of who saw which petitioner's full record, for administrators. */
@Path("/api/admin/record-views")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Administration")
public class RecordViewsResource {

    private final RecordViews views;

    RecordViewsResource(RecordViews views) {
        this.views = views;
    }

    @GET
    @Operation(summary = "Who was shown a petitioner's unmasked ID number and phone, and when; newest first")
    public Uni<RecordViews.Page> list(@QueryParam("petitionId") String petitionId, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        return views.list(QueryParams.id("petitionId", petitionId, "a petition id"), QueryParams.integer("page", page, 0, 0,
                10_000), QueryParams.integer("size", size, 50, 1, 200));
    }
}
