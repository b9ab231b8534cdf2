package org.lettersvisits.eventstore;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.SecretKey;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.lettersvisits.contracts.EventCodec;
import org.lettersvisits.contracts.registry.PlatformEvents;
import org.lettersvisits.privacy.DataKeys;
import org.lettersvisits.privacy.PersonalTextSealing;

import io.smallrye.mutiny.CompositeException;
import io.smallrye.mutiny.Multi;
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
 * <p>
 * Free text written by or about a petitioner ({@code @PersonalText}) is sealed under the person's data key
 * ({@link DataKeys}) in every copy written here, the event row and its outbox row, and opened again on load; the events
 * handed back to the caller are the ones it gave, in clear. Once the key is gone (an erasure) the text reads as absent
 * and new text about that person is not stored at all.
 */
@ApplicationScoped
public class EventStore {

    private static final String UNIQUE_VIOLATION = "23505";

    @Inject
    EventCodec codec;

    @Inject
    Instance<DataKeys> available;

    /** Where the data keys are; null in a service that keeps no free text about people (reporting). */
    DataKeys dataKeys;

    @PostConstruct
    void findDataKeys() {
        dataKeys = available.isResolvable() ? available.get() : null;
    }

    /** Every event of one aggregate, oldest first. */
    public <E> Uni<List<StoredEvent<E>>> load(SqlClient client, UUID aggregateId, Class<E> eventType) {
        return client.preparedQuery("""
                SELECT event_id, aggregate_id, version, type, payload::text AS payload, actor,
                       correlation_id, causation_id, recorded_at
                FROM event WHERE aggregate_id = $1 ORDER BY version""")
                .execute(Tuple.of(aggregateId))
                .chain(rows -> {
                    List<StoredEvent<E>> events = new ArrayList<>();
                    for (Row row : rows) {
                        events.add(read(row, eventType));
                    }
                    return opened(client, events);
                });
    }

    /** The events with their sealed text opened (left out when the person was erased). */
    private <E> Uni<List<StoredEvent<E>>> opened(SqlClient client, List<StoredEvent<E>> events) {
        List<UUID> petitions = events.stream().filter(e -> PersonalTextSealing.hasSealedText(e.event()))
                .map(EventStore::petitionOf).distinct().toList();
        return keysOf(client, petitions).map(keys -> events.stream().map(e -> !keys.containsKey(petitionOf(e)) ? e
                : new StoredEvent<>(e.eventId(), e.aggregateId(), e.version(), e.type(),
                        PersonalTextSealing.opened(e.event(), keys.get(petitionOf(e)), petitionOf(e)), e.metadata(),
                        e.recordedAt())).toList());
    }

    /** The data key of each petition (empty for an erased person's), looked up once each. */
    Uni<Map<UUID, Optional<SecretKey>>> keysOf(SqlClient client, List<UUID> petitions) {
        if (petitions.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        if (dataKeys == null) {
            return Uni.createFrom().failure(new IllegalStateException(
                    "this service seals no personal text: it has no DataKeys, yet an event holds some"));
        }
        DataKeys source = dataKeys;
        Map<UUID, Optional<SecretKey>> found = new HashMap<>();
        return Multi.createFrom().iterable(petitions).onItem()
                .transformToUniAndConcatenate(id -> source.keyOf(client, id).invoke(key -> found.put(id, key)))
                .collect().last().map(ignored -> found);
    }

    /** The petition (so the person) an event is about: its own field, or else its aggregate (a petition, a case). */
    private static UUID petitionOf(StoredEvent<?> stored) {
        return petitionOf(stored.event(), stored.aggregateId());
    }

    static UUID petitionOf(Object event, UUID aggregateId) {
        return PlatformEvents.petitionIdOf(event).orElse(aggregateId);
    }

    /** {@code event} as it is written: its free text sealed under the key of its petition. */
    private static <T> T sealed(T event, UUID aggregateId, Map<UUID, Optional<SecretKey>> keys) {
        UUID petitionId = petitionOf(event, aggregateId);
        Optional<SecretKey> key = keys.get(petitionId);
        return key == null ? event : PersonalTextSealing.sealed(event, key, petitionId);
    }

    /** The petitions whose key is needed to write these events and the public events they are published as. */
    private static <E> List<UUID> needingKeys(List<E> events, UUID aggregateId, Publishing<? super E> publishing) {
        return events.stream().filter(e -> PersonalTextSealing.hasClearText(e)
                || publishing.publicEvent().apply(e).map(PersonalTextSealing::hasClearText).orElse(false))
                .map(e -> petitionOf(e, aggregateId)).distinct().toList();
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
        return keysOf(transaction, needingKeys(events, aggregateId, publishing)).chain(keys -> appendSealed(transaction,
                aggregateType, aggregateId, currentVersion, events, metadata, publishing, keys));
    }

    private <E> Uni<List<StoredEvent<E>>> appendSealed(SqlClient transaction, String aggregateType, UUID aggregateId,
            int currentVersion, List<E> events, EventMetadata metadata, Publishing<? super E> publishing,
            Map<UUID, Optional<SecretKey>> keys) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<StoredEvent<E>> stored = new ArrayList<>();
        List<Tuple> eventRows = new ArrayList<>();
        List<Tuple> outboxRows = new ArrayList<>();
        int version = currentVersion;
        for (E event : events) {
            version++;
            UUID eventId = UUID.randomUUID();
            EventCodec.Encoded encoded = codec.encode(sealed(event, aggregateId, keys));
            stored.add(new StoredEvent<>(eventId, aggregateId, version, encoded.type(), event, metadata, now));
            eventRows.add(Tuple.tuple(List.of(eventId, aggregateType, aggregateId, version, encoded.type(),
                    new JsonObject(encoded.json()), metadata.actor(), metadata.correlationId()))
                    .addUUID(metadata.causationId()).addOffsetDateTime(now));
            outboxRow(publishing, aggregateType, new StoredEvent<>(eventId, aggregateId, version, encoded.type(), event,
                    metadata, now), keys).ifPresent(outboxRows::add);
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
                    List<StoredEvent<E>> history = new ArrayList<>();
                    HistoryChunk.Cursor settled = cursor;
                    for (Row row : rows) {
                        history.add(read(row, eventType));
                        if (row.getBoolean("settled")) {
                            settled = new HistoryChunk.Cursor(row.getString("transaction_id"), row.getLong("position"));
                        }
                    }
                    HistoryChunk.Cursor next = settled;
                    // events stored before sealing are published sealed all the same
                    List<UUID> clear = history.stream().filter(e -> publishing.publicEvent().apply(e.event())
                            .map(PersonalTextSealing::hasClearText).orElse(false)).map(EventStore::petitionOf).distinct()
                            .toList();
                    return keysOf(transaction, clear).chain(keys -> {
                        List<Tuple> outboxRows = new ArrayList<>();
                        history.forEach(e -> outboxRow(publishing, aggregateType, e, keys).ifPresent(outboxRows::add));
                        return queue(transaction, outboxRows).map(queued -> new HistoryChunk(rows.rowCount(), queued, next));
                    });
                });
    }

    private <E> Optional<Tuple> outboxRow(Publishing<? super E> publishing, String aggregateType, StoredEvent<E> stored,
            Map<UUID, Optional<SecretKey>> keys) {
        return publishing.publicEvent().apply(stored.event()).map(published -> {
            EventCodec.Encoded publicEvent = codec.encode(sealed(published, stored.aggregateId(), keys));
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
                ON CONFLICT (event_id, topic) DO NOTHING""")
                .executeBatch(outboxRows).map(EventStore::written);
    }

    /** Writes outbox rows (an event already waiting for the same topic is left as it is); how many it wrote. */
    private static Uni<Integer> queue(SqlClient transaction, List<Tuple> outboxRows) {
        return outboxRows.isEmpty() ? Uni.createFrom().item(0) : transaction.preparedQuery("""
                INSERT INTO outbox (event_id, topic, record_key, type, payload, subject, actor, recorded_at,
                                    aggregate_id, aggregate_version, correlation_id, trace_parent)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
                ON CONFLICT (event_id, topic) DO NOTHING""")
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
