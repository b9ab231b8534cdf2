package org.lettersvisits.eventstore;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Moves an aggregate's published history onto a new topic version, while the service, its other instances (of this
 * version or, during a rolling upgrade, the one before) and every consumer keep running:
 * <ul>
 * <li>In chunks: each chunk queues up to {@code eventstore.republication.chunk} stored events in a short transaction
 * of its own, after the cursor kept in {@code topic_republication}, in the relay's order, and moves the cursor only
 * past events of transactions older than every one still running (none is passed over). Nothing huge is held open.</li>
 * <li>Resumable: a crash loses at most the chunk in flight; any instance resumes from the cursor. One instance works
 * a topic at a time (a transaction advisory lock); every instance looks every few seconds.</li>
 * <li>In order with what happens meanwhile: until it has finished, this version's appends for the topic queue
 * nothing themselves ({@link EventStore}); the chunks carry them, after their streams' history. The last chunk
 * locks the row, so the appends in flight commit first and those that follow queue themselves; the event store
 * refuses (40001) an append whose stream's previous version a younger transaction queued.</li>
 * <li>Side by side with the previous version: its instances still queue for the retired topic (its consumers need
 * it until the upgrade ends; the launcher deletes it afterwards). Such a row reopens a finished republication
 * (a trigger), and the next chunk carries the event onto the new topic too.</li>
 * <li>Observable: {@code GET /api/admin/republications} (cursor, chunks, queued, remaining), a log line per chunk,
 * {@code lettersvisits_republication_queued_total{topic}}.</li>
 * </ul>
 * Consumers apply each event once by its id, so an event carried twice (a reopened republication) changes nothing.
 */
@ApplicationScoped
@IfBuildProperty(name = "eventstore.outbox.enabled", stringValue = "true", enableIfMissing = true)
public class Republication {

    private static final Logger LOG = Logger.getLogger(Republication.class);

    /** What to republish: an aggregate type's history, how it is published now, and the topics it leaves. */
    public record Spec<E>(String aggregateType, Class<E> eventType, Publishing<? super E> publishing, List<String> retired) {
    }

    /** Where one republication stands. */
    public record Progress(String topic, String aggregateType, List<String> retired, long queuedEvents, int chunks,
            long remainingEvents, OffsetDateTime startedAt, OffsetDateTime lastChunkAt, OffsetDateTime finishedAt) {
    }

    @Inject
    Pool pool;

    @Inject
    EventStore store;

    @Inject
    Vertx vertx;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "eventstore.republication.chunk", defaultValue = "1000")
    int chunk;

    @ConfigProperty(name = "eventstore.republication.look-every", defaultValue = "PT5S")
    Duration lookEvery;

    private final Map<String, Spec<?>> specs = new ConcurrentHashMap<>();
    private final AtomicBoolean working = new AtomicBoolean();
    private long timerId = -1;

    void onStop(@Observes ShutdownEvent event) {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }

    /**
     * Starts republishing onto {@code spec}'s topic unless started before, and works it to the end; this instance
     * then keeps looking, every few seconds, in case another instance stops half-way or an older one reopens it.
     *
     * @return how many events this call queued (0 if another instance did the work)
     */
    public synchronized <E> Uni<Long> onto(Spec<E> spec) {
        specs.put(spec.publishing().topic(), spec);
        if (timerId < 0) {
            timerId = vertx.setPeriodic(lookEvery.toMillis(), id -> lookAgain());
        }
        return declare(spec).chain(() -> toTheEnd(spec, 0L));
    }

    /**
     * Declares the republication onto {@code spec}'s topic (once): from then on, appends for that topic wait for it.
     * A new topic version is declared by the migration that ships with it (the same insert), so that it exists
     * before the version's first append could publish onto the topic ahead of its history; this is the fallback.
     */
    public <E> Uni<Void> declare(Spec<E> spec) {
        return pool.preparedQuery("""
                INSERT INTO topic_republication (topic, queued_events, aggregate_type, retired) VALUES ($1, 0, $2, $3)
                ON CONFLICT (topic) DO NOTHING""")
                .execute(Tuple.of(spec.publishing().topic(), spec.aggregateType(), spec.retired().toArray(String[]::new)))
                .replaceWithVoid();
    }

    private void lookAgain() {
        if (!working.compareAndSet(false, true)) {
            return;
        }
        Multi.createFrom().iterable(List.copyOf(specs.values())).onItem()
                .transformToUniAndConcatenate(spec -> toTheEnd(spec, 0L)).collect().last()
                .eventually(() -> working.set(false))
                .subscribe().with(done -> { }, failure -> LOG.warnf("republication waits: %s", failure.getMessage()));
    }

    /** Works chunk after chunk until the republication has finished (or another instance is working it). */
    private <E> Uni<Long> toTheEnd(Spec<E> spec, long queued) {
        return next(spec).chain(step -> step.done() ? Uni.createFrom().item(queued + step.queued())
                : toTheEnd(spec, queued + step.queued()));
    }

    /** What one round did: events queued, whether there is nothing more to do here, whether the end is near. */
    private record Step(long queued, boolean done, boolean nearEnd) {
        static final Step NOTHING_TO_DO = new Step(0, true, false);
    }

    /**
     * One chunk, in a transaction of its own, then, when it came short (the end is near), the last chunk: it locks
     * the row (waiting for the appends in flight, holding those that follow until it commits), queues every event
     * visible after the cursor and marks the republication finished.
     */
    <E> Uni<Step> next(Spec<E> spec) {
        String topic = spec.publishing().topic();
        return pool.withTransaction(tx -> exclusively(tx, topic).chain(mine -> !mine ? Uni.createFrom().item(Step.NOTHING_TO_DO)
                : cursor(tx, topic, false).chain(cursor -> cursor == null ? Uni.createFrom().item(Step.NOTHING_TO_DO)
                        : store.queueHistory(tx, spec.aggregateType(), spec.eventType(), spec.publishing(), cursor, chunk,
                                true).chain(history -> recorded(tx, topic, history, false)
                                        .replaceWith(new Step(history.queued(), false, history.read() < chunk))))))
                .chain(step -> !step.nearEnd() ? Uni.createFrom().item(step)
                        : finish(spec).map(last -> new Step(step.queued() + last.queued(), last.done(), false)));
    }

    private <E> Uni<Step> finish(Spec<E> spec) {
        String topic = spec.publishing().topic();
        return pool.withTransaction(tx -> exclusively(tx, topic).chain(mine -> !mine ? Uni.createFrom().item(Step.NOTHING_TO_DO)
                : cursor(tx, topic, true).chain(cursor -> cursor == null ? Uni.createFrom().item(Step.NOTHING_TO_DO)
                        : store.queueHistory(tx, spec.aggregateType(), spec.eventType(), spec.publishing(), cursor,
                                Integer.MAX_VALUE, false)
                                .chain(history -> recorded(tx, topic, history, true)
                                        .replaceWith(new Step(history.queued(), true, false))))));
    }

    /** Whether this instance may work {@code topic} now (one at a time; the lock ends with the transaction). */
    private static Uni<Boolean> exclusively(SqlClient tx, String topic) {
        return tx.preparedQuery("SELECT pg_try_advisory_xact_lock(hashtext('republication:' || $1)) AS mine")
                .execute(Tuple.of(topic)).map(rows -> rows.iterator().next().getBoolean("mine"));
    }

    /** The cursor of an unfinished republication (null when finished); {@code lock} takes the row for the last chunk. */
    private static Uni<HistoryChunk.Cursor> cursor(SqlClient tx, String topic, boolean lock) {
        return tx.preparedQuery("SELECT last_transaction_id::text AS tx, last_position FROM topic_republication"
                + " WHERE topic = $1 AND finished_at IS NULL" + (lock ? " FOR UPDATE" : ""))
                .execute(Tuple.of(topic)).map(rows -> rows.size() == 0 ? null
                        : new HistoryChunk.Cursor(rows.iterator().next().getString("tx"),
                                rows.iterator().next().getLong("last_position")));
    }

    private Uni<Void> recorded(SqlClient tx, String topic, HistoryChunk history, boolean finished) {
        if (history.read() == 0 && !finished) {
            return Uni.createFrom().voidItem();
        }
        registry.counter("lettersvisits.republication.queued", "topic", topic).increment(history.queued());
        return tx.preparedQuery("""
                UPDATE topic_republication
                SET last_transaction_id = $2::text::xid8, last_position = $3, queued_events = queued_events + $4,
                    chunks = chunks + 1, last_chunk_at = now(), finished_at = CASE WHEN $5 THEN now() END
                WHERE topic = $1""")
                .execute(Tuple.of(topic, history.next().transactionId(), history.next().position(), history.queued(),
                        finished))
                .invoke(() -> LOG.infof("republishing onto %s: %d event(s) queued in this chunk%s", topic, history.queued(),
                        finished ? "; finished" : ""))
                .replaceWithVoid();
    }

    /** Every republication of this service, with how many events of its aggregate type lie after its cursor. */
    public Uni<List<Progress>> progress() {
        return pool.query("""
                SELECT r.topic, r.aggregate_type, r.retired, r.queued_events, r.chunks, r.republished_at, r.last_chunk_at,
                       r.finished_at,
                       CASE WHEN r.finished_at IS NOT NULL THEN 0 ELSE (SELECT count(*) FROM event e
                            WHERE e.aggregate_type = r.aggregate_type
                              AND (e.transaction_id, e.position) > (r.last_transaction_id, r.last_position)) END AS remaining
                FROM topic_republication r ORDER BY r.republished_at""").execute().map(rows -> {
            List<Progress> items = new ArrayList<>();
            for (Row row : rows) {
                items.add(new Progress(row.getString("topic"), row.getString("aggregate_type"),
                        List.of(row.getArrayOfStrings("retired")), row.getLong("queued_events"), row.getInteger("chunks"),
                        row.getLong("remaining"), row.getOffsetDateTime("republished_at"),
                        row.getOffsetDateTime("last_chunk_at"), row.getOffsetDateTime("finished_at")));
            }
            return items;
        });
    }
}
