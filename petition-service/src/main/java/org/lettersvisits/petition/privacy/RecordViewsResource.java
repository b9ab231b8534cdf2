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

/** The access log: who was shown which petitioners, how and when, for administrators. */
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
    @Operation(summary = "The access log: who was shown petitioners, how and when; newest first",
            description = "kind: FULL_RECORD (a petition's detail with the ID number, phone and address unmasked), "
                    + "SEARCH (a page of a list or search), EXPORT, RECEIPT, CASE_FILE (a petition's part of a case "
                    + "file, the petitioner masked), REVEAL (a petitioner's phone and address whole), CONTACTS (the names "
                    + "and masked phones of a return-visit worklist's petitions). searchedBy: the fields a search or an "
                    + "export was by (caseNumber, nameOrSubject, idNumber, status, town, department, receivedFrom, "
                    + "receivedTo, noticeLate), never the text searched for; null for the other kinds. petitionIds: the "
                    + "petitions shown; petitionId: the one of a full record, a receipt, a case file or a reveal. "
                    + "petitionId= lists the accesses that showed that petition; kind= one kind.")
    public Uni<RecordViews.Page> list(@QueryParam("petitionId") String petitionId, @QueryParam("kind") String kind,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        return views.read(QueryParams.id("petitionId", petitionId, "a petition id"),
                QueryParams.oneOf("kind", kind, RecordViews.Access.class),
                QueryParams.integer("page", page, 0, 0, 10_000), QueryParams.integer("size", size, 50, 1, 200));
    }
}
