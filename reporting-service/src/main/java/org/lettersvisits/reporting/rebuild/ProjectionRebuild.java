package org.lettersvisits.reporting.rebuild;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.lettersvisits.contracts.EventCodec;
import org.lettersvisits.reporting.projection.Generations;
import org.lettersvisits.reporting.projection.ReportProjector;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Rebuilds the read models from every event received: replays {@code report_event} from the
 * beginning into a fresh generation, decoding and upcasting each record as received with today's codec
 * (so a type learnt since it arrived is counted now), in batches, while queries keep reading the live one; then,
 * holding the swap lock (so no live event is in flight), replays what arrived meanwhile and makes
 * the new generation live, and drops the old one.
 */
@ApplicationScoped
public class ProjectionRebuild {

    private static final Logger LOG = Logger.getLogger(ProjectionRebuild.class);

    private static final String NEXT_BATCH = """
            SELECT e.seq, e.transaction_id::text AS tx, e.type, e.body, e.aggregate_version FROM report_event e
            WHERE (e.transaction_id, e.seq) > ($1::text::xid8, $2)
              AND ($4 OR e.transaction_id < pg_snapshot_xmin(pg_current_snapshot()))
            ORDER BY e.transaction_id, e.seq LIMIT $3""";

    @Inject
    Pool pool;

    @Inject
    Generations generations;

    @Inject
    ReportProjector projector;

    @ConfigProperty(name = "reporting.rebuild.batch-size", defaultValue = "1000")
    int batchSize;

    @Inject
    EventCodec codec;

    private final AtomicBoolean running = new AtomicBoolean();

    /** Where the replay stands. */
    private record Position(String transactionId, long seq, long replayed) {
    }

    /**
     * Starts a rebuild unless one is running: completes once the rebuild is recorded as RUNNING
     * (so a status read afterwards sees it), with false if one was already running; the replay
     * goes on in the background.
     */
    public Uni<Boolean> start() {
        if (!running.compareAndSet(false, true)) {
            return Uni.createFrom().item(false);
        }
        long started = System.nanoTime();
        return begin()
                .invoke(generation -> replayAndSwap(generation, started).subscribe().with(
                        done -> {
                            running.set(false);
                            LOG.infof("read models rebuilt as generation %d", done);
                        },
                        failure -> {
                            running.set(false);
                            LOG.error("rebuild failed; the live read models are unchanged", failure);
                            pool.query("UPDATE projection_state SET status = 'FAILED', building_generation = NULL, "
                                    + "finished_at = now() WHERE id = 1").execute().subscribe().with(ok -> { }, e -> { });
                        }))
                .onFailure().invoke(() -> running.set(false))
                .replaceWith(true);
    }

    /** Records the rebuild as RUNNING into the next generation, emptied; returns that generation. */
    private Uni<Integer> begin() {
        return pool.withTransaction(tx -> generations.active(tx).chain(active -> tx.preparedQuery("""
                UPDATE projection_state SET building_generation = $1, status = 'RUNNING', replayed = 0,
                    to_replay = (SELECT count(*) FROM report_event), started_at = now(), finished_at = NULL,
                    events_per_second = NULL
                WHERE id = 1""").execute(Tuple.of(active + 1)).replaceWith(active + 1)))
                .call(this::clear);
    }

    private Uni<Integer> replayAndSwap(int generation, long started) {
        return replay(generation, new Position("0", 0, 0)).chain(position -> swap(generation, position, started));
    }

    private Uni<Void> clear(int generation) {
        return pool.withTransaction(tx -> deleteGeneration(tx, generation));
    }

    /** Replays batches outside the swap lock until a batch comes back short. */
    private Uni<Position> replay(int generation, Position from) {
        return pool.withTransaction(tx -> replayBatch(tx, generation, from, false)
                .call(position -> tx.preparedQuery("UPDATE projection_state SET replayed = $1 WHERE id = 1")
                        .execute(Tuple.of(position.replayed()))))
                .chain(position -> position.replayed() - from.replayed() < batchSize ? Uni.createFrom().item(position)
                        : replay(generation, position));
    }

    /**
     * The next batch in (transaction_id, seq) order. Outside the swap lock only rows of transactions
     * older than every running one are taken, so a late commit is never skipped; under the lock no
     * live transaction can be writing the log, so everything committed is taken.
     */
    private Uni<Position> replayBatch(SqlClient tx, int generation, Position from, boolean underSwapLock) {
        return tx.preparedQuery(NEXT_BATCH).execute(Tuple.of(from.transactionId(), from.seq(), batchSize, underSwapLock))
                .chain(rows -> applyAll(tx, generation, rows, from));
    }

    private Uni<Position> applyAll(SqlClient tx, int generation, RowSet<Row> rows, Position from) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        Position last = from;
        for (Row row : rows) {
            String type = row.getString("type");
            Object event = decodeOrSkip(type, row);
            if (event != null) {
                Integer version = row.getInteger("aggregate_version");
                chain = chain.chain(() -> projector.apply(tx, generation, event, version));
            }
            last = new Position(row.getString("tx"), row.getLong("seq"), last.replayed() + 1);
        }
        Position end = last;
        return chain.replaceWith(end);
    }

    /**
     * The record's event, or null for a type this version does not know (it stays in the log for a later
     * version) or a body that does not fit a type learnt since it was kept (logged, never counted).
     */
    private Object decodeOrSkip(String type, Row row) {
        if (!codec.knows(type)) {
            return null;
        }
        try {
            return codec.decode(type, row.getString("body"));
        } catch (IllegalArgumentException e) {
            LOG.warnf("report_event %d (%s) does not decode and is not counted: %s", row.getLong("seq"), type,
                    e.getMessage());
            return null;
        }
    }

    /** Under the exclusive swap lock: replay the rest, make the new generation live, drop the old. */
    private Uni<Integer> swap(int generation, Position position, long started) {
        return pool.withTransaction(tx -> generations.lockForSwap(tx)
                .chain(() -> catchUp(tx, generation, position))
                .chain(end -> generations.active(tx).chain(old -> {
                    double seconds = Math.max(1e-9, Duration.ofNanos(System.nanoTime() - started).toNanos() / 1e9);
                    return tx.preparedQuery("""
                            UPDATE projection_state SET active_generation = $1, building_generation = NULL,
                                status = 'DONE', replayed = $2, finished_at = $3, events_per_second = $4 WHERE id = 1""")
                            .execute(Tuple.of(generation, end.replayed(), OffsetDateTime.now(), end.replayed() / seconds))
                            .chain(() -> deleteGeneration(tx, old));
                }))
                .replaceWith(generation));
    }

    private Uni<Position> catchUp(SqlClient tx, int generation, Position from) {
        return replayBatch(tx, generation, from, true)
                .chain(position -> position.replayed() - from.replayed() < batchSize ? Uni.createFrom().item(position)
                        : catchUp(tx, generation, position));
    }

    private static Uni<Void> deleteGeneration(SqlClient tx, int generation) {
        return tx.preparedQuery("DELETE FROM rm_petition WHERE generation = $1").execute(Tuple.of(generation))
                .chain(() -> tx.preparedQuery("DELETE FROM rm_case WHERE generation = $1").execute(Tuple.of(generation)))
                .chain(() -> tx.preparedQuery("DELETE FROM rm_return_visit WHERE generation = $1").execute(Tuple.of(generation)))
                .replaceWithVoid();
    }
}
