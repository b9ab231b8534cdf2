package org.lettersvisits.reporting.rebuild;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
import org.lettersvisits.reporting.projection.LoggedEvents.Unreadable;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;

/** Rebuilding the read models from the events, for administrators. */
@Path("/api/admin/projections")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
@RolesAllowed(Roles.ADMIN)
public class ProjectionsResource {

    /**
     * Where the read models stand. A FAILED rebuild says why ({@code error}) and which records of {@code report_event} it
     * could not read ({@code unreadable}, the first 100; {@code unreadableCount}, all of them).
     */
    public record ProjectionStatus(String status, int activeGeneration, Integer buildingGeneration, long replayed,
            long toReplay, OffsetDateTime startedAt, OffsetDateTime finishedAt, Double eventsPerSecond, String error,
            int unreadableCount, List<Unreadable> unreadable) {
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
                    + "rebuild whose instance died (status ABANDONED) is taken over. A rebuild that cannot read some "
                    + "recorded event never swaps: it ends FAILED and the status names the events.")
    public Uni<Response> rebuild() {
        return rebuild.start().map(started -> started
                ? Response.accepted(Map.of("status", "RUNNING", "statusUrl", "/api/admin/projections/status")).build()
                : Problem.of(409, "a rebuild is already running").toResponse());
    }

    @GET
    @Path("status")
    @Operation(summary = "Progress of the last rebuild",
            description = "status: IDLE, RUNNING, DONE, FAILED, or ABANDONED (running, but its instance stopped renewing "
                    + "its claim: the next rebuild takes over). A rebuild that could not read (decode or apply) some "
                    + "recorded events is FAILED and did not swap: error says why, unreadable lists the events (seq, type, "
                    + "eventId, error); the live read models are unchanged.")
    public Uni<ProjectionStatus> status() {
        return pool.query("""
                SELECT *, status = 'RUNNING' AND COALESCE(lease_until < now(), true) AS abandoned
                FROM projection_state WHERE id = 1""").execute().map(rows -> {
                    var r = rows.iterator().next();
                    return new ProjectionStatus(r.getBoolean("abandoned") ? "ABANDONED" : r.getString("status"),
                            r.getInteger("active_generation"), r.getInteger("building_generation"), r.getLong("replayed"),
                            r.getLong("to_replay"), r.getOffsetDateTime("started_at"), r.getOffsetDateTime("finished_at"),
                            r.getDouble("events_per_second"), r.getString("error"), r.getInteger("unreadable_count"),
                            unreadable(r.getJsonArray("unreadable")));
                });
    }

    private static List<Unreadable> unreadable(JsonArray all) {
        return all == null ? List.of() : all.stream().map(JsonObject.class::cast).map(u -> new Unreadable(u.getLong("seq"),
                u.getString("type"), u.getString("eventId") == null ? null : UUID.fromString(u.getString("eventId")),
                u.getString("error"))).toList();
    }
}
