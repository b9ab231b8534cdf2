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
            Optional<?> published = publishing.publicEvent().apply(event);
            if (published.isPresent()) {
                EventCodec.Encoded publicEvent = codec.encode(published.get());
                outboxRows.add(Tuple.tuple(List.of(eventId, publishing.topic(), keyOf(publishing, event, aggregateId)
                        .toString(), publicEvent.type(), new JsonObject(publicEvent.json()), aggregateType + "/" + aggregateId,
                        metadata.actor())).addOffsetDateTime(now).addUUID(aggregateId).addInteger(version));
            }
        }
        if (events.isEmpty()) {
            return Uni.createFrom().item(stored);
        }
        final int lastVersion = version;
        return transaction.preparedQuery("""
                INSERT INTO event (event_id, aggregate_type, aggregate_id, version, type, payload, actor,
                                   correlation_id, causation_id, recorded_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)""")
                .executeBatch(eventRows)
                .onFailure(PgException.class).transform(e -> isUniqueViolation(e)
                        ? new ConcurrencyConflict(aggregateId, "version " + lastVersion + " already exists", false)
                        : e)
                .chain(() -> outboxRows.isEmpty() ? Uni.createFrom().voidItem() : transaction.preparedQuery("""
                        INSERT INTO outbox (event_id, topic, record_key, type, payload, subject, actor, recorded_at,
                                            aggregate_id, aggregate_version)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)""")
                        .executeBatch(outboxRows).replaceWithVoid())
                .replaceWith(stored);
    }

    @SuppressWarnings("unchecked")
    private static <E> UUID keyOf(Publishing<? super E> publishing, E event, UUID aggregateId) {
        return ((Publishing<E>) publishing).keyOf(event, aggregateId);
    }

    private static boolean isUniqueViolation(Throwable e) {
        return e instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState());
    }
}
