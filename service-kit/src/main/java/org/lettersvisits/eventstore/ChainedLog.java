package org.lettersvisits.eventstore;

import java.util.Optional;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * An append-only log a service keeps beside its events (petition-service's access log), chained row by row by hash
 * like the events. Its last entry goes into every anchor of the event log, so the anchors that leave the database
 * cover it too; {@code GET /api/admin/integrity} verifies it.
 */
public interface ChainedLog {

    /** What the log is, in a report ("access log"). */
    String name();

    /** Its last entry as "id:hash", or null while it is empty. */
    Uni<String> head(SqlClient client);

    /** The first entry whose chain does not hold, described with its id; empty when all hold. */
    Uni<Optional<String>> firstBroken();

    /** Whether the entry {@code head} ("id:hash", from an anchor) is still there, as it was. */
    Uni<Boolean> holds(String head);
}
