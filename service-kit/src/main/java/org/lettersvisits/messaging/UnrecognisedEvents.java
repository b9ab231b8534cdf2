package org.lettersvisits.messaging;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.lettersvisits.messaging.InboundEvents.Delivery;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * What the subscriptions received and did not understand: an event of a type this version of the service does not
 * know (a newer producer's). It is acknowledged, so consumption goes on, but never dropped without a trace: kept
 * whole in {@code unrecognised_event}, in the transaction that acknowledges it, counted in
 * {@code lettersvisits_consumer_unrecognised_total{subscription, type}}, listed for administrators, and handed to
 * its subscription again by a redrive after the upgrade that teaches the service the type.
 */
@ApplicationScoped
public class UnrecognisedEvents {

    private static final Logger LOG = Logger.getLogger(UnrecognisedEvents.class);

    /** One event not understood. */
    public record Unrecognised(String subscription, UUID eventId, String type, String source, String topic,
            int partition, long offset, OffsetDateTime receivedAt) {
    }

    /** What a redrive did: applied now, applied before, and still not understood. */
    public record RedriveReport(int examined, int applied, int alreadyApplied, int stillUnrecognised) {
    }

    @Inject
    Pool pool;

    @Inject
    MeterRegistry registry;

    @Inject
    @Any
    Instance<Subscription> subscriptions;

    @Inject
    InboundEvents inbound;

    /** Keeps {@code event} as not understood by {@code subscription}, in the caller's transaction. */
    Uni<Void> keep(SqlClient transaction, Subscription subscription, InboundEvent event) {
        ReceivedRecord record = event.record();
        return transaction.preparedQuery("""
                INSERT INTO unrecognised_event (subscription, event_id, type, source, topic, partition, record_offset,
                                                record_key, value, headers)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
                ON CONFLICT (subscription, event_id) DO NOTHING""")
                .execute(Tuple.tuple(List.of(subscription.name(), event.eventId(), event.type(),
                        event.source() == null ? "" : event.source(), record.topic(), record.partition(), record.offset()))
                        .addString(record.key()).addString(record.value()).addValue(new JsonObject(new HashMap<>(record.headers()))))
                .invoke(rows -> {
                    if (rows.rowCount() == 1) {
                        registry.counter("lettersvisits.consumer.unrecognised", "subscription", subscription.name(),
                                "type", event.type()).increment();
                        LOG.warnf("%s does not understand %s (%s, from %s): kept for a redrive after an upgrade",
                                subscription.name(), event.type(), event.eventId(), record.position());
                    }
                })
                .replaceWithVoid();
    }

    public Uni<List<Unrecognised>> list() {
        return pool.query("""
                SELECT subscription, event_id, type, source, topic, partition, record_offset, received_at
                FROM unrecognised_event ORDER BY received_at, topic, partition, record_offset""").execute().map(rows -> {
            List<Unrecognised> items = new ArrayList<>();
            for (Row row : rows) {
                items.add(new Unrecognised(row.getString("subscription"), row.getUUID("event_id"), row.getString("type"),
                        row.getString("source"), row.getString("topic"), row.getInteger("partition"),
                        row.getLong("record_offset"), row.getOffsetDateTime("received_at")));
            }
            return items;
        });
    }

    /**
     * Hands every kept event to its subscription again, as it arrived; what the service now understands is applied
     * (once: the processed-event log still decides) and forgotten here, the rest stays.
     */
    public Uni<RedriveReport> redrive() {
        Map<String, Subscription> byName = new HashMap<>();
        subscriptions.forEach(s -> byName.put(s.name(), s));
        return pool.query("""
                SELECT subscription, event_id, topic, partition, record_offset, record_key, value, headers::text AS headers
                FROM unrecognised_event ORDER BY topic, partition, record_offset""").execute()
                .chain(rows -> {
                    List<Row> kept = new ArrayList<>();
                    rows.forEach(kept::add);
                    return Multi.createFrom().iterable(kept).onItem().transformToUniAndConcatenate(row -> redriveOne(row, byName))
                            .collect().asList();
                })
                .map(deliveries -> new RedriveReport(deliveries.size(),
                        (int) deliveries.stream().filter(d -> d == Delivery.APPLIED).count(),
                        (int) deliveries.stream().filter(d -> d == Delivery.ALREADY_APPLIED).count(),
                        (int) deliveries.stream().filter(d -> d == Delivery.SKIPPED).count()));
    }

    private Uni<Delivery> redriveOne(Row row, Map<String, Subscription> byName) {
        Subscription subscription = byName.get(row.getString("subscription"));
        if (subscription == null) {
            return Uni.createFrom().item(Delivery.SKIPPED);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        new JsonObject(row.getString("headers")).forEach(e -> headers.put(e.getKey(), e.getValue() == null ? null
                : e.getValue().toString()));
        ReceivedRecord record = new ReceivedRecord(row.getString("topic"), row.getInteger("partition"),
                row.getLong("record_offset"), row.getString("record_key"), row.getString("value"), headers);
        return inbound.deliver(record, subscription, false)
                .call(delivery -> delivery == Delivery.SKIPPED ? Uni.createFrom().voidItem()
                        : pool.preparedQuery("DELETE FROM unrecognised_event WHERE subscription = $1 AND event_id = $2")
                                .execute(Tuple.of(subscription.name(), row.getUUID("event_id"))).replaceWithVoid());
    }
}
