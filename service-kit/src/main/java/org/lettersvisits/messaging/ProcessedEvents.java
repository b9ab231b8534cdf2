package org.lettersvisits.messaging;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The idempotent consumer's log: records an event id in the caller's transaction and says
 * whether this is the first time the event is seen. A consumer applies the event only then.
 */
@ApplicationScoped
public class ProcessedEvents {

    /** True the first time {@code eventId} is recorded, false for every redelivery. */
    public Uni<Boolean> firstDelivery(SqlClient transaction, UUID eventId, String topic) {
        return transaction.preparedQuery(
                "INSERT INTO processed_event (event_id, topic) VALUES ($1, $2) ON CONFLICT (event_id) DO NOTHING")
                .execute(Tuple.of(eventId, topic))
                .map(result -> result.rowCount() == 1);
    }
}
