package org.lettersvisits.messaging;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The idempotent consumers' log: records, in the caller's transaction, that a subscription applied an
 * event, and says whether this is the first time that subscription sees it. The subscription applies
 * the event only then. Per subscription, so a second subscription added on a topic the service already
 * reads sees every event.
 */
@ApplicationScoped
public class ProcessedEvents {

    /** True the first time {@code subscription} records {@code eventId}, false for every redelivery. */
    public Uni<Boolean> firstDelivery(SqlClient transaction, String subscription, UUID eventId, String topic) {
        return transaction.preparedQuery("""
                INSERT INTO processed_event (subscription, event_id, topic) VALUES ($1, $2, $3)
                ON CONFLICT (subscription, event_id) DO NOTHING""")
                .execute(Tuple.of(subscription, eventId, topic))
                .map(result -> result.rowCount() == 1);
    }
}
