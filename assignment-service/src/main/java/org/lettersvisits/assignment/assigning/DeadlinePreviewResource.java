package org.lettersvisits.assignment.assigning;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lettersvisits.contracts.Roles;
import org.lettersvisits.contracts.assignment.Difficulty;
import org.lettersvisits.problem.QueryParams;

/** The deadline a case would get, before the supervisor assigns it: the same policy {@code POST /api/cases} applies. */
@Path("/api/deadlines/preview")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cases")
public class DeadlinePreviewResource {

    /** The default deadline for a difficulty and an assignment day. */
    public record DeadlinePreview(Difficulty difficulty, LocalDate assignedOn, LocalDate deadline) {
    }

    @Inject
    DeadlinePolicy policy;

    @Inject
    Clock clock;

    @GET
    @RolesAllowed({ Roles.SUPERVISOR, Roles.LEADER })
    @Operation(summary = "Preview the default deadline",
            description = "difficulty: ROUTINE (default) or DIFFICULT; assignedOn defaults to today.")
    public DeadlinePreview preview(@QueryParam("difficulty") String difficulty, @QueryParam("assignedOn") String assignedOn) {
        Difficulty wanted = Optional.ofNullable(QueryParams.oneOf("difficulty", difficulty, Difficulty.class))
                .orElse(Difficulty.ROUTINE);
        LocalDate day = Optional.ofNullable(QueryParams.date("assignedOn", assignedOn)).orElse(LocalDate.now(clock));
        return new DeadlinePreview(wanted, day, policy.deadline(wanted, day, null));
    }
}
