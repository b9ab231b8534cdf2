package org.lettersvisits.petition.privacy;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Who saw a petitioner's full record, and when: every read of a petition's detail that shows the ID
 * number and phone unmasked is recorded before it is answered, and administrators can read the record.
 */
@ApplicationScoped
public class RecordViews {

    /** One view of a full record. */
    public record RecordView(UUID petitionId, String viewer, OffsetDateTime viewedAt) {
    }

    /** A page of views, newest first. */
    public record Page(List<RecordView> items, long total) {
    }

    private final Pool pool;

    RecordViews(Pool pool) {
        this.pool = pool;
    }

    /** Records that {@code viewer} is shown the full record of {@code petitionId} now. */
    public Uni<Void> record(UUID petitionId, String viewer) {
        return pool.preparedQuery("INSERT INTO record_view (petition_id, viewer) VALUES ($1, $2)")
                .execute(Tuple.of(petitionId, viewer)).replaceWithVoid();
    }

    /** The views of one petition's full record, or of every record when {@code petitionId} is null. */
    public Uni<Page> list(UUID petitionId, int page, int size) {
        return pool.preparedQuery("""
                SELECT petition_id, viewer, viewed_at, count(*) OVER () AS total FROM record_view
                WHERE ($1::uuid IS NULL OR petition_id = $1)
                ORDER BY viewed_at DESC, id DESC LIMIT $2 OFFSET $3""")
                .execute(Tuple.of(petitionId, size, (long) page * size))
                .map(rows -> {
                    List<RecordView> items = new ArrayList<>();
                    long total = 0;
                    for (Row row : rows) {
                        items.add(new RecordView(row.getUUID("petition_id"), row.getString("viewer"),
                                row.getOffsetDateTime("viewed_at")));
                        total = row.getLong("total");
                    }
                    return new Page(items, total);
                });
    }
}
