package org.lettersvisits.eventstore;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

/**
 * The outbox rows the relay set aside because they could never be published as they were (see
 * {@link PoisonRecords}): what they are and why, and a redrive that queues them again after a fix (a larger
 * broker limit, a corrected topic). Queued again, a row gets a new place at the end of the outbox: it is
 * published after what was committed meanwhile, and consumers apply it by its event id like any late event.
 */
@ApplicationScoped
@IfBuildProperty(name = "eventstore.outbox.enabled", stringValue = "true", enableIfMissing = true)
public class SetAsideOutbox {

    private static final Logger LOG = Logger.getLogger(SetAsideOutbox.class);

    /** One row set aside. */
    public record SetAsideRow(UUID eventId, String type, String topic, String subject, Integer aggregateVersion,
            int payloadBytes, String reason, OffsetDateTime setAsideAt) {
    }

    /** What a redrive did. */
    public record Requeued(int requeued) {
    }

    @Inject
    Pool pool;

    @Inject
    OutboxRelay relay;

    public Uni<List<SetAsideRow>> list() {
        return pool.query("""
                SELECT event_id, type, topic, subject, aggregate_version, coalesce(octet_length(payload::text), 0) AS payload_bytes,
                       reason, set_aside_at
                FROM outbox_set_aside ORDER BY set_aside_at, position""").execute().map(rows -> {
            List<SetAsideRow> items = new ArrayList<>();
            for (Row row : rows) {
                items.add(new SetAsideRow(row.getUUID("event_id"), row.getString("type"), row.getString("topic"),
                        row.getString("subject"), row.getInteger("aggregate_version"), row.getInteger("payload_bytes"),
                        row.getString("reason"), row.getOffsetDateTime("set_aside_at")));
            }
            return items;
        });
    }

    public Uni<Long> count() {
        return pool.query("SELECT count(*) FROM outbox_set_aside").execute().map(rows -> rows.iterator().next().getLong(0));
    }

    /** Queues every row set aside for publication again, in one transaction, and wakes the relay. */
    public Uni<Requeued> redrive() {
        return pool.withTransaction(tx -> tx.query("""
                WITH back AS (DELETE FROM outbox_set_aside RETURNING *)
                INSERT INTO outbox (event_id, topic, record_key, type, payload, subject, actor, recorded_at, aggregate_id,
                                    aggregate_version, correlation_id, trace_parent)
                SELECT event_id, topic, record_key, type, payload, subject, actor, recorded_at, aggregate_id,
                       aggregate_version, correlation_id, trace_parent
                FROM back ORDER BY position
                ON CONFLICT (event_id, topic) DO NOTHING""").execute())
                .map(rows -> new Requeued(rows.rowCount()))
                .invoke(requeued -> {
                    LOG.infof("queued %d outbox row(s) set aside for publication again", requeued.requeued());
                    relay.wake();
                });
    }
}
