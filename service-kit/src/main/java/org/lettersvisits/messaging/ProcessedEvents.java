package org.lettersvisits.messaging;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

    /**
     * Records a batch of events as processed by {@code subscription} in one statement; returns the ids recorded
     * now, the first deliveries (an id already recorded, or twice in the batch, is returned at most once).
     */
    public Uni<Set<UUID>> firstDeliveries(SqlClient transaction, String subscription, List<InboundEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(new HashSet<>());
        }
        return transaction.preparedQuery("""
                INSERT INTO processed_event (subscription, event_id, topic)
                SELECT $1, e.event_id, e.topic FROM unnest($2::uuid[], $3::text[]) AS e (event_id, topic)
                ON CONFLICT (subscription, event_id) DO NOTHING
                RETURNING event_id""")
                .execute(Tuple.of(subscription, events.stream().map(InboundEvent::eventId).toArray(UUID[]::new),
                        events.stream().map(InboundEvent::topic).toArray(String[]::new)))
                .map(rows -> {
                    Set<UUID> first = new HashSet<>();
                    rows.forEach(row -> first.add(row.getUUID("event_id")));
                    return first;
                });
    }
}
