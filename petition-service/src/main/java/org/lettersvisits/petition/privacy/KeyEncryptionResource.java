package org.lettersvisits.petition.privacy;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lettersvisits.contracts.Roles;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

/** The key-encryption keys, how many data keys each wraps, and the re-wrap onto the current key, for administrators. */
@Path("/api/admin/key-encryption")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Administration")
public class KeyEncryptionResource {

    /** One key id: whether it is configured, whether new data keys go under it, how many data keys it wraps. */
    public record Key(String id, boolean configured, boolean current, long dataKeys) {
    }

    /** The re-wrap: this instance's job, and how many data keys are still under an older key (all instances). */
    public record Rewrap(boolean running, long done, long remaining, OffsetDateTime startedAt, OffsetDateTime finishedAt,
            String failure) {
    }

    /**
     * The data keys shared with the other services: the sharing key new records go under, and how many keys were last
     * shared under each (those under another id are shared again at the next start, after a rotation).
     */
    public record Sharing(String currentSharingKeyId, Map<String, Long> sharedUnder) {
    }

    /** Where the key-encryption keys stand. */
    public record Status(String currentKeyId, List<Key> keys, Rewrap rewrap, Sharing sharing) {
    }

    private final Pool pool;
    private final KeyEncryptionKeys keys;
    private final KeyRewrap rewrap;
    private final DataKeySharing sharing;

    KeyEncryptionResource(Pool pool, KeyEncryptionKeys keys, KeyRewrap rewrap, DataKeySharing sharing) {
        this.pool = pool;
        this.keys = keys;
        this.rewrap = rewrap;
        this.sharing = sharing;
    }

    @GET
    @Operation(summary = "The key-encryption keys, the data keys under each, and the re-wrap's progress",
            description = "A key whose dataKeys is 0 and that is not current can be removed from configuration.")
    public Uni<Status> status() {
        return sharing.sharedUnder().chain(shared -> pool.query("SELECT kek_id, count(*) AS n FROM petitioner_key GROUP BY kek_id").execute().map(rows -> {
            Map<String, Long> counts = new TreeMap<>();
            keys.ids().forEach(id -> counts.put(id, 0L));
            for (Row row : rows) {
                counts.put(row.getString("kek_id"), row.getLong("n"));
            }
            List<Key> list = new ArrayList<>();
            long remaining = 0;
            for (var entry : counts.entrySet()) {
                boolean current = entry.getKey().equals(keys.currentId());
                list.add(new Key(entry.getKey(), keys.ids().contains(entry.getKey()), current, entry.getValue()));
                remaining += current ? 0 : entry.getValue();
            }
            KeyRewrap.Job job = rewrap.job();
            return new Status(keys.currentId(), list,
                    new Rewrap(job.running(), job.done(), remaining, job.startedAt(), job.finishedAt(), job.failure()),
                    new Sharing(sharing.currentSharingKeyId(), shared));
        }));
    }

    @POST
    @Path("/rewrap")
    @Operation(summary = "Re-wrap every data key under an older key-encryption key with the current one",
            description = "Starts the job in the background (202) unless it runs already, and answers where the keys stand; "
                    + "GET /api/admin/key-encryption follows it. Starting it again resumes a job cut short.")
    public Uni<Response> start() {
        rewrap.start();
        return status().map(status -> Response.accepted(status).build());
    }
}
