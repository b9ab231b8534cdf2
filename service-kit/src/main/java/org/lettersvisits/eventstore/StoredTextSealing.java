package org.lettersvisits.eventstore;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.crypto.SecretKey;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.lettersvisits.contracts.EventCodec;
import org.lettersvisits.contracts.PersonalText;
import org.lettersvisits.privacy.SealedText;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Seals, in place, the free text of the events stored before it was sealed on append: each such field of each row is
 * replaced by its sealed form under the person's data key (or removed, the person being erased), the rest of the row
 * untouched, and the row's stream is chained again ({@code rechain_stream}). Runs at start-up, in batches of its own
 * short transactions from where the last one stopped ({@code stored_text_sealing}), replicas taking turns (the row is
 * locked); a run finds nothing to do once it has finished. A key not shared yet fails the batch (transient): the run is
 * tried again. Rows of an old version that upcasts at read time are left as they are (their fields may differ).
 */
@ApplicationScoped
public class StoredTextSealing {

    private static final Logger LOG = Logger.getLogger(StoredTextSealing.class);
    private static final int BATCH = 200;

    /** The owner's: a rewrite of stored events, which the service's own role may not make. */
    @Inject
    @SchemaOwner
    Pool pool;

    @Inject
    EventCodec codec;

    @Inject
    EventStore store;

    /** Seals every stored event still holding free text in clear; how many rows it rewrote. */
    public Uni<Long> sealAll() {
        return batch().chain(step -> step == null ? Uni.createFrom().item(0L)
                : sealAll().map(rest -> rest + step));
    }

    /** One batch: the rows it rewrote, or null when the work had finished. */
    private Uni<Long> batch() {
        return pool.withTransaction(tx -> tx.query("SELECT through, finished_at FROM stored_text_sealing WHERE id = 1 FOR UPDATE")
                .execute().chain(state -> {
                    Row progress = state.iterator().next();
                    if (progress.getOffsetDateTime("finished_at") != null) {
                        return Uni.createFrom().nullItem();
                    }
                    long through = progress.getLong("through");
                    return tx.preparedQuery("""
                            SELECT position, aggregate_id, type, payload::text AS payload FROM event
                            WHERE position > $1 ORDER BY position LIMIT $2""").execute(Tuple.of(through, BATCH))
                            .chain(rows -> seal(tx, rows));
                }));
    }

    private Uni<Long> seal(SqlClient tx, Iterable<Row> rows) {
        List<Rewrite> rewrites = new ArrayList<>();
        long last = -1;
        int seen = 0;
        for (Row row : rows) {
            seen++;
            last = row.getLong("position");
            clearText(row).ifPresent(rewrites::add);
        }
        if (seen == 0) {
            return tx.query("UPDATE stored_text_sealing SET finished_at = now() WHERE id = 1").execute()
                    .invoke(() -> LOG.info("the free text of the events stored before sealing is sealed"))
                    .replaceWith(0L);
        }
        long through = last;
        List<UUID> petitions = rewrites.stream().map(Rewrite::petitionId).distinct().toList();
        return store.keysOf(tx, petitions).chain(keys -> {
            List<Tuple> updates = new ArrayList<>();
            Set<UUID> streams = new LinkedHashSet<>();
            for (Rewrite rewrite : rewrites) {
                updates.add(Tuple.of(rewrite.position(), new JsonObject(rewrite.sealed(keys.get(rewrite.petitionId())))));
                streams.add(rewrite.aggregateId());
            }
            Uni<Void> updated = updates.isEmpty() ? Uni.createFrom().voidItem()
                    : tx.preparedQuery("UPDATE event SET payload = $2 WHERE position = $1").executeBatch(updates)
                            .replaceWithVoid();
            return updated
                    // a rewrite on purpose: the streams' hash chains are made again over the sealed content
                    .chain(() -> streams.isEmpty() ? Uni.createFrom().voidItem()
                            : tx.preparedQuery("SELECT rechain_stream(s) FROM unnest($1::uuid[]) s")
                                    .execute(Tuple.of(streams.toArray(UUID[]::new))).replaceWithVoid())
                    .chain(() -> tx.preparedQuery("UPDATE stored_text_sealing SET through = $1, sealed = sealed + $2 WHERE id = 1")
                            .execute(Tuple.of(through, (long) updates.size())))
                    .replaceWith((long) updates.size());
        });
    }

    /** A row to rewrite: its payload, the free-text fields it holds in clear, and whose they are. */
    private record Rewrite(long position, UUID aggregateId, UUID petitionId, ObjectNode payload, List<String> fields) {

        String sealed(Optional<SecretKey> key) {
            for (String field : fields) {
                String text = payload.get(field).asText();
                if (key.isPresent()) {
                    payload.put(field, SealedText.seal(text, key.get(), petitionId));
                } else {
                    payload.putNull(field); // the person was erased: their text goes
                }
            }
            return payload.toString();
        }
    }

    private Optional<Rewrite> clearText(Row row) {
        String type = row.getString("type");
        if (!codec.knows(type)) {
            return Optional.empty();
        }
        Object event;
        ObjectNode payload;
        try {
            event = codec.decode(type, row.getString("payload"));
            payload = (ObjectNode) EventCodec.JSON.readTree(row.getString("payload"));
        } catch (IllegalArgumentException | java.io.IOException | ClassCastException unreadable) {
            return Optional.empty();
        }
        if (!type.equals(EventCodec.typeOf(event.getClass())) || !event.getClass().isRecord()) {
            return Optional.empty(); // an old version, upcast at read time
        }
        List<String> fields = new ArrayList<>();
        for (var component : event.getClass().getRecordComponents()) {
            var value = payload.get(component.getName());
            if (component.isAnnotationPresent(PersonalText.class) && value != null && value.isTextual()
                    && !SealedText.isSealed(value.asText())) {
                fields.add(component.getName());
            }
        }
        UUID aggregateId = row.getUUID("aggregate_id");
        return fields.isEmpty() ? Optional.empty()
                : Optional.of(new Rewrite(row.getLong("position"), aggregateId, EventStore.petitionOf(event, aggregateId),
                        payload, fields));
    }
}
