package org.lettersvisits.reporting.rebuild;

import java.time.OffsetDateTime;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lettersvisits.contracts.Roles;
import org.lettersvisits.problem.Problem;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/** Rebuilding the read models from the events, for administrators. */
@Path("/api/admin/projections")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
@RolesAllowed(Roles.ADMIN)
public class ProjectionsResource {

    /** Where the read models stand. */
    public record ProjectionStatus(String status, int activeGeneration, Integer buildingGeneration, long replayed,
            long toReplay, OffsetDateTime startedAt, OffsetDateTime finishedAt, Double eventsPerSecond) {
    }

    @Inject
    ProjectionRebuild rebuild;

    @Inject
    Pool pool;

    @POST
    @Path("rebuild")
    @Operation(summary = "Rebuild the read models from every event",
            description = "202: replays all events into fresh read models, then swaps them in; queries keep "
                    + "answering from the old ones meanwhile. 409 while a rebuild is running on any instance; a "
                    + "rebuild whose instance died (status ABANDONED) is taken over.")
    public Uni<Response> rebuild() {
        return rebuild.start().map(started -> started
                ? Response.accepted(Map.of("status", "RUNNING", "statusUrl", "/api/admin/projections/status")).build()
                : Problem.of(409, "a rebuild is already running").toResponse());
    }

    @GET
    @Path("status")
    @Operation(summary = "Progress of the last rebuild",
            description = "status: IDLE, RUNNING, DONE, FAILED, or ABANDONED (running, but its instance stopped renewing "
                    + "its claim: the next rebuild takes over)")
    public Uni<ProjectionStatus> status() {
        return pool.query("""
                SELECT *, status = 'RUNNING' AND COALESCE(lease_until < now(), true) AS abandoned
                FROM projection_state WHERE id = 1""").execute().map(rows -> {
                    var r = rows.iterator().next();
                    return new ProjectionStatus(r.getBoolean("abandoned") ? "ABANDONED" : r.getString("status"),
                            r.getInteger("active_generation"), r.getInteger("building_generation"), r.getLong("replayed"),
                            r.getLong("to_replay"), r.getOffsetDateTime("started_at"), r.getOffsetDateTime("finished_at"),
                            r.getDouble("events_per_second"));
                });
    }
}
