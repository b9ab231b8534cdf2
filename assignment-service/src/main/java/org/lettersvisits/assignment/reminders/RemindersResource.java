package org.lettersvisits.assignment.reminders;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lettersvisits.contracts.Roles;
import org.lettersvisits.problem.Problem;
import org.lettersvisits.problem.QueryParams;

import io.smallrye.mutiny.Uni;

/** The operators' view of the reminder digests: run a pass now, and see what went to whom on a day. */
@Path("/api/admin/reminders")
@Tag(name = "Operations")
@RolesAllowed(Roles.ADMIN)
public class RemindersResource {

    @Inject
    DailyReminders reminders;

    @Inject
    ReminderLedger ledger;

    @Inject
    Clock clock;

    @POST
    @Path("run")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Run a reminder pass now (whatever the hour): sends today's digests not yet sent",
            description = "Answers what the pass did: digests composed, mails sent, already sent (by an earlier pass or "
                    + "another replica), failed (tried again at the next pass), addressees without an address. 503 when "
                    + "the identity provider cannot be read.")
    public Uni<Response> run() {
        return reminders.runOnce().map(run -> Response.ok(run).build())
                .onFailure(PeopleDirectory.DirectoryUnavailable.class)
                .recoverWithItem(e -> Problem.of(503, e.getMessage()).toResponse());
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The reminders of a day (default today): addressee, recipient, when claimed and sent")
    public Uni<List<ReminderLedger.Entry>> sent(@QueryParam("day") String day) {
        LocalDate wanted = Optional.ofNullable(QueryParams.date("day", day)).orElse(LocalDate.now(clock));
        return ledger.of(wanted);
    }
}
