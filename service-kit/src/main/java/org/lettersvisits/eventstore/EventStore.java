package org.lettersvisits.eventstore;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.lettersvisits.contracts.EventCodec;

import io.smallrye.mutiny.CompositeException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;

/**
 * The append-only event store in the service's own PostgreSQL database. Appending writes the
 * events and their outbox entries in the caller's transaction, so both commit or neither does.
 * {@code UNIQUE (aggregate_id, version)} turns a concurrent append into a {@link ConcurrencyConflict}.
 */
@ApplicationScoped
public class EventStore {

    private static final String UNIQUE_VIOLATION = "23505";

    @Inject
    EventCodec codec;

    /** Every event of one aggregate, oldest first. */
    public <E> Uni<List<StoredEvent<E>>> load(SqlClient client, UUID aggregateId, Class<E> eventType) {
        return client.preparedQuery("""
                SELECT event_id, aggregate_id, version, type, payload::text AS payload, actor,
                       correlation_id, causation_id, recorded_at
                FROM event WHERE aggregate_id = $1 ORDER BY version""")
                .execute(Tuple.of(aggregateId))
                .map(rows -> {
                    List<StoredEvent<E>> events = new ArrayList<>();
                    for (Row row : rows) {
                        events.add(read(row, eventType));
                    }
                    return events;
                });
    }

    private <E> StoredEvent<E> read(Row row, Class<E> eventType) {
        String type = row.getString("type");
        return new StoredEvent<>(row.getUUID("event_id"), row.getUUID("aggregate_id"), row.getInteger("version"),
                type, eventType.cast(codec.decode(type, row.getString("payload"))),
                new EventMetadata(row.getString("actor"), row.getUUID("correlation_id"), row.getUUID("causation_id")),
                row.getOffsetDateTime("recorded_at"));
    }

    /**
     * Appends {@code events} after {@code currentVersion} and queues them, as they are, for {@code topic},
     * all in the caller's transaction.
     *
     * @return the stored events with their versions
     * @throws ConcurrencyConflict (as a failed Uni) if another writer appended first
     */
    public <E> Uni<List<StoredEvent<E>>> append(SqlClient transaction, String aggregateType, UUID aggregateId,
            int currentVersion, List<E> events, EventMetadata metadata, String topic) {
        return append(transaction, aggregateType, aggregateId, currentVersion, events, metadata, Publishing.asIs(topic));
    }

    /**
     * Appends {@code events} after {@code currentVersion} and queues for Kafka the public event each is
     * published as (see {@link Publishing}), all in the caller's transaction.
     *
     * @return the stored events with their versions
     * @throws ConcurrencyConflict (as a failed Uni) if another writer appended first
     */
    public <E> Uni<List<StoredEvent<E>>> append(SqlClient transaction, String aggregateType, UUID aggregateId,
            int currentVersion, List<E> events, EventMetadata metadata, Publishing<? super E> publishing) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<StoredEvent<E>> stored = new ArrayList<>();
        List<Tuple> eventRows = new ArrayList<>();
        List<Tuple> outboxRows = new ArrayList<>();
        int version = currentVersion;
        for (E event : events) {
            version++;
            UUID eventId = UUID.randomUUID();
            EventCodec.Encoded encoded = codec.encode(event);
            stored.add(new StoredEvent<>(eventId, aggregateId, version, encoded.type(), event, metadata, now));
            eventRows.add(Tuple.tuple(List.of(eventId, aggregateType, aggregateId, version, encoded.type(),
                    new JsonObject(encoded.json()), metadata.actor(), metadata.correlationId()))
                    .addUUID(metadata.causationId()).addOffsetDateTime(now));
            outboxRow(publishing, aggregateType, new StoredEvent<>(eventId, aggregateId, version, encoded.type(), event,
                    metadata, now)).ifPresent(outboxRows::add);
        }
        if (events.isEmpty()) {
            return Uni.createFrom().item(stored);
        }
        final int lastVersion = version;
        // first, while a republication onto the topic is unfinished, hold it from finishing until this commits (the
        // republication then carries these events, in order, after the history); see Republication
        Uni<Void> held = outboxRows.isEmpty() ? Uni.createFrom().voidItem() : transaction.preparedQuery("""
                SELECT 1 FROM topic_republication WHERE topic = $1 AND finished_at IS NULL FOR SHARE""")
                .execute(Tuple.of(publishing.topic())).replaceWithVoid();
        Uni<Void> appended = transaction.preparedQuery("""
                INSERT INTO event (event_id, aggregate_type, aggregate_id, version, type, payload, actor,
                                   correlation_id, causation_id, recorded_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)""")
                .executeBatch(eventRows)
                .onFailure(PgException.class).transform(e -> isUniqueViolation(e)
                        ? new ConcurrencyConflict(aggregateId, "version " + lastVersion + " already exists", false)
                        : e)
                .replaceWithVoid();
        // the events and their outbox rows go out at once (pipelined, in this order): if the events fail (a concurrent
        // append), the outbox insert fails with the aborted transaction, and the events' failure is the one reported
        return Uni.join().all(held, appended, queueUnlessRepublishing(transaction, outboxRows).replaceWithVoid())
                .andCollectFailures()
                .onFailure(CompositeException.class).transform(EventStore::firstCause)
                .replaceWith(stored);
    }

    /**
     * Queues the stored events of {@code aggregateType} after {@code cursor}, in the relay's order (transaction id,
     * position), as {@code publishing} publishes them now, in the caller's transaction: one chunk of a
     * {@link Republication}. Same event ids, so idempotent consumers skip what they already applied.
     *
     * @param limit at most this many events
     * @param committedOnly only events of transactions older than every one still running, so that none is passed
     *                      over; otherwise every event visible now
     */
    <E> Uni<HistoryChunk> queueHistory(SqlClient transaction, String aggregateType, Class<E> eventType,
            Publishing<? super E> publishing, HistoryChunk.Cursor cursor, int limit, boolean committedOnly) {
        return transaction.preparedQuery("""
                SELECT transaction_id::text AS transaction_id, transaction_id < pg_snapshot_xmin(pg_current_snapshot())
                       AS settled, position, event_id, aggregate_id, version, type, payload::text AS payload, actor,
                       correlation_id, causation_id, recorded_at
                FROM event
                WHERE aggregate_type = $1 AND (transaction_id, position) > ($2::text::xid8, $3)
                  AND (NOT $5 OR transaction_id < pg_snapshot_xmin(pg_current_snapshot()))
                ORDER BY transaction_id, position LIMIT $4""")
                .execute(Tuple.of(aggregateType, cursor.transactionId(), cursor.position(), limit, committedOnly))
                .chain(rows -> {
                    List<Tuple> outboxRows = new ArrayList<>();
                    HistoryChunk.Cursor settled = cursor;
                    for (Row row : rows) {
                        outboxRow(publishing, aggregateType, read(row, eventType)).ifPresent(outboxRows::add);
                        if (row.getBoolean("settled")) {
                            settled = new HistoryChunk.Cursor(row.getString("transaction_id"), row.getLong("position"));
                        }
                    }
                    HistoryChunk.Cursor next = settled;
                    return queue(transaction, outboxRows).map(queued -> new HistoryChunk(rows.rowCount(), queued, next));
                });
    }

    private <E> Optional<Tuple> outboxRow(Publishing<? super E> publishing, String aggregateType, StoredEvent<E> stored) {
        return publishing.publicEvent().apply(stored.event()).map(published -> {
            EventCodec.Encoded publicEvent = codec.encode(published);
            return Tuple.tuple(List.of(stored.eventId(), publishing.topic(),
                    keyOf(publishing, stored.event(), stored.aggregateId()).toString(), publicEvent.type(),
                    new JsonObject(publicEvent.json()), aggregateType + "/" + stored.aggregateId(),
                    stored.metadata().actor())).addOffsetDateTime(stored.recordedAt()).addUUID(stored.aggregateId())
                    .addInteger(stored.version()).addUUID(stored.metadata().correlationId())
                    .addString(stored.metadata().traceParent());
        });
    }

    /** Writes outbox rows unless a republication onto their topic is unfinished (it will queue the events itself). */
    private static Uni<Integer> queueUnlessRepublishing(SqlClient transaction, List<Tuple> outboxRows) {
        return outboxRows.isEmpty() ? Uni.createFrom().item(0) : transaction.preparedQuery("""
                INSERT INTO outbox (event_id, topic, record_key, type, payload, subject, actor, recorded_at,
                                    aggregate_id, aggregate_version, correlation_id, trace_parent)
                SELECT $1::uuid, $2::text, $3::text, $4::text, $5::jsonb, $6::text, $7::text, $8::timestamptz, $9::uuid,
                       $10::integer, $11::uuid, $12::text
                WHERE NOT EXISTS (SELECT 1 FROM topic_republication r WHERE r.topic = $2::text AND r.finished_at IS NULL)
                ON CONFLICT (event_id) DO NOTHING""")
                .executeBatch(outboxRows).map(EventStore::written);
    }

    /** Writes outbox rows (an event already waiting, by its id, is left as it is); how many it wrote. */
    private static Uni<Integer> queue(SqlClient transaction, List<Tuple> outboxRows) {
        return outboxRows.isEmpty() ? Uni.createFrom().item(0) : transaction.preparedQuery("""
                INSERT INTO outbox (event_id, topic, record_key, type, payload, subject, actor, recorded_at,
                                    aggregate_id, aggregate_version, correlation_id, trace_parent)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
                ON CONFLICT (event_id) DO NOTHING""")
                .executeBatch(outboxRows).map(EventStore::written);
    }

    private static int written(io.vertx.mutiny.sqlclient.RowSet<Row> rows) {
        int written = 0;
        for (var result = rows; result != null; result = result.next()) {
            written += result.rowCount();
        }
        return written;
    }

    /** The failure a pipelined append reports: the first statement's that failed for a reason of its own. */
    private static Throwable firstCause(Throwable composite) {
        for (Throwable cause : ((CompositeException) composite).getCauses()) {
            if (!(cause instanceof PgException pg) || !"25P02".equals(pg.getSqlState())) { // not "transaction aborted"
                return cause;
            }
        }
        return ((CompositeException) composite).getCauses().get(0);
    }

    @SuppressWarnings("unchecked")
    private static <E> UUID keyOf(Publishing<? super E> publishing, E event, UUID aggregateId) {
        return ((Publishing<E>) publishing).keyOf(event, aggregateId);
    }

    private static boolean isUniqueViolation(Throwable e) {
        return e instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState());
    }
}
