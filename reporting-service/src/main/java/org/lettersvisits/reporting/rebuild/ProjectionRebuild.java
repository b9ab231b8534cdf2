package org.lettersvisits.reporting.rebuild;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.lettersvisits.reporting.projection.Generations;
import org.lettersvisits.reporting.projection.LoggedEvents;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Rebuilds the read models from every event received: replays {@code report_event} from the
 * beginning into a fresh generation, decoding and upcasting each record as received with today's codec
 * (so a type learnt since it arrived is counted now), in batches, while queries keep reading the live
 * one; then, holding the swap lock (so no live event is in flight), replays what arrived meanwhile and
 * makes the new generation live, and drops every other one.
 * <p>
 * Safe with several instances: a rebuild is claimed in {@code projection_state} with a lease that the
 * claimant renews with every batch. A second start, on this instance or another, finds the claim and
 * is refused; an instance that dies mid-rebuild lets its lease run out, and the next start takes over.
 * The swap is a compare-and-set on the claim: a rebuild that lost its claim never swaps, and the swap
 * never deletes the generation it makes live.
 * <p>
 * A rebuild that cannot read a record of a type it knows (it does not decode, or the projector cannot apply it) does
 * not swap: its read models would miss that event. It replays on to name every such record, then ends FAILED with
 * them in the status (and the log, and {@code reporting.rebuild.unreadable.events}); the live read models stay. A
 * record of a type this version does not know is not a failure: it is kept for a later version.
 */
@ApplicationScoped
public class ProjectionRebuild {

    private static final Logger LOG = Logger.getLogger(ProjectionRebuild.class);

    private static final String NEXT_BATCH = """
            SELECT e.seq, e.event_id, e.transaction_id::text AS tx, e.type, e.body, e.aggregate_version FROM report_event e
            WHERE (e.transaction_id, e.seq) > ($1::text::xid8, $2)
              AND ($4 OR e.transaction_id < pg_snapshot_xmin(pg_current_snapshot()))
            ORDER BY e.transaction_id, e.seq LIMIT $3""";

    /** Claims the rebuild unless a live claim exists; an expired one (its claimant died) is taken over. */
    private static final String CLAIM = """
            UPDATE projection_state SET building_generation = nextval('projection_generation'), status = 'RUNNING',
                claimed_by = $1, lease_until = now() + $2 * interval '1 millisecond', replayed = 0,
                to_replay = (SELECT count(*) FROM report_event), started_at = now(), finished_at = NULL,
                events_per_second = NULL, error = NULL, unreadable = '[]', unreadable_count = 0
            WHERE id = 1 AND (status <> 'RUNNING' OR COALESCE(lease_until < now(), true))
            RETURNING building_generation""";

    private static final String RENEW = """
            UPDATE projection_state SET replayed = $3, lease_until = now() + $4 * interval '1 millisecond'
            WHERE id = 1 AND claimed_by = $1 AND building_generation = $2""";

    @Inject
    Pool pool;

    @Inject
    Generations generations;

    @Inject
    LoggedEvents events;

    @Inject
    MeterRegistry metrics;

    @ConfigProperty(name = "reporting.rebuild.batch-size", defaultValue = "1000")
    int batchSize;

    /** How long a claim holds without being renewed: the time another instance waits after a crash. */
    @ConfigProperty(name = "reporting.rebuild.lease", defaultValue = "PT15S")
    Duration lease;

    /** Who claims rebuilds from this process. */
    private final String claimant = "reporting-" + UUID.randomUUID();

    /** Where the replay stands. */
    private record Position(String transactionId, long seq, long replayed) {
    }

    /** This rebuild lost its claim (its lease ran out and another instance took over): it stops, unswapped. */
    static final class ClaimLost extends RuntimeException {
        ClaimLost(int generation) {
            super("the rebuild of generation " + generation + " lost its claim to another rebuild");
        }
    }

    /**
     * Starts a rebuild unless one is running anywhere: completes once the rebuild is claimed and
     * recorded as RUNNING (so a status read afterwards sees it), with false if another holds the claim;
     * the replay goes on in the background.
     */
    public Uni<Boolean> start() {
        long started = System.nanoTime();
        return pool.preparedQuery(CLAIM).execute(Tuple.of(claimant, lease.toMillis())).map(rows -> {
            if (rows.rowCount() == 0) {
                return false;
            }
            int generation = rows.iterator().next().getInteger("building_generation");
            LOG.infof("rebuilding the read models as generation %d", generation);
            UnreadableEvents unreadable = new UnreadableEvents();
            replayAndSwap(generation, started, unreadable).subscribe().with(
                    done -> {
                        metrics.counter("reporting.rebuilds", "outcome", "done").increment();
                        LOG.infof("read models rebuilt as generation %d", done);
                    },
                    failure -> failed(generation, failure, unreadable));
            return true;
        });
    }

    private Uni<Integer> replayAndSwap(int generation, long started, UnreadableEvents unreadable) {
        return replay(generation, new Position("0", 0, 0), unreadable)
                .invoke(unreadable::failIfAny)
                .chain(position -> swap(generation, position, started, unreadable));
    }

    /**
     * Records the failed rebuild, why, and what it could not read, and drops what it built; the live generation
     * stays. Nothing is recorded if this rebuild lost its claim (the one that took over reports for itself).
     */
    private void failed(int generation, Throwable failure, UnreadableEvents unreadable) {
        if (failure instanceof UnreadableEvents.NotSwapped) {
            LOG.errorf("rebuild of generation %d failed; the live read models are unchanged: %s", generation,
                    failure.getMessage());
        } else {
            LOG.error("rebuild of generation " + generation + " failed; the live read models are unchanged", failure);
        }
        metrics.counter("reporting.rebuilds", "outcome", "failed").increment();
        metrics.counter("reporting.rebuild.unreadable.events").increment(unreadable.count());
        pool.withTransaction(tx -> tx.preparedQuery("""
                UPDATE projection_state SET status = 'FAILED', building_generation = NULL, claimed_by = NULL,
                    lease_until = NULL, finished_at = now(), error = $3, unreadable = $4, unreadable_count = $5
                WHERE id = 1 AND claimed_by = $1 AND building_generation = $2""")
                .execute(Tuple.of(claimant, generation, String.valueOf(failure.getMessage()), unreadable.asJson(),
                        unreadable.count()))
                .chain(rows -> rows.rowCount() == 0 ? Uni.createFrom().voidItem() : generations.drop(tx, generation)))
                .subscribe().with(ok -> { }, e -> LOG.warn("could not record the failed rebuild", e));
    }

    /** Replays batches outside the swap lock until a batch comes back short, renewing the claim with each. */
    private Uni<Position> replay(int generation, Position from, UnreadableEvents unreadable) {
        return pool.withTransaction(tx -> replayBatch(tx, generation, from, false, unreadable)
                .call(position -> tx.preparedQuery(RENEW)
                        .execute(Tuple.of(claimant, generation, position.replayed(), lease.toMillis()))
                        .invoke(rows -> {
                            if (rows.rowCount() == 0) {
                                throw new ClaimLost(generation);
                            }
                        })))
                .chain(position -> position.replayed() - from.replayed() < batchSize ? Uni.createFrom().item(position)
                        : replay(generation, position, unreadable));
    }

    /**
     * The next batch in (transaction_id, seq) order. Outside the swap lock only rows of transactions
     * older than every running one are taken, so a late commit is never skipped; under the lock no
     * live transaction can be writing the log, so everything committed is taken.
     */
    private Uni<Position> replayBatch(SqlClient tx, int generation, Position from, boolean underSwapLock,
            UnreadableEvents unreadable) {
        return tx.preparedQuery(NEXT_BATCH).execute(Tuple.of(from.transactionId(), from.seq(), batchSize, underSwapLock))
                .chain(rows -> applyAll(tx, generation, rows, from, unreadable));
    }

    /**
     * Applies a batch (pipelined, in log order: {@link LoggedEvents#apply}) and says where it ended. A statement that
     * fails fails the batch; the failure names the batch's records, since pipelined statements are not told apart.
     */
    private Uni<Position> applyAll(SqlClient tx, int generation, RowSet<Row> rows, Position from,
            UnreadableEvents unreadable) {
        Position end = from;
        Long first = null;
        for (Row row : rows) {
            first = first == null ? row.getLong("seq") : first;
            end = new Position(row.getString("tx"), row.getLong("seq"), end.replayed() + 1);
        }
        Position last = end;
        String batch = "report_event " + first + " to " + last.seq();
        return events.apply(tx, generation, rows, (event, row) -> true, unreadable)
                .onFailure().transform(f -> new IllegalStateException("could not apply the batch of " + batch + ": "
                        + f.getMessage(), f))
                .replaceWith(last);
    }

    /**
     * Under the exclusive swap lock: replay the rest, make the new generation live if this rebuild still
     * holds the claim (compare-and-set), and drop every other generation.
     */
    private Uni<Integer> swap(int generation, Position position, long started, UnreadableEvents unreadable) {
        return pool.withTransaction(tx -> generations.lockForSwap(tx)
                .chain(() -> catchUp(tx, generation, position, unreadable))
                .invoke(unreadable::failIfAny)
                .chain(end -> {
                    double seconds = Math.max(1e-9, Duration.ofNanos(System.nanoTime() - started).toNanos() / 1e9);
                    return tx.preparedQuery("""
                            UPDATE projection_state SET active_generation = $1, building_generation = NULL,
                                status = 'DONE', replayed = $2, finished_at = $3, events_per_second = $4,
                                claimed_by = NULL, lease_until = NULL, error = NULL, unreadable = '[]', unreadable_count = 0
                            WHERE id = 1 AND claimed_by = $5 AND building_generation = $1""")
                            .execute(Tuple.tuple().addInteger(generation).addLong(end.replayed())
                                    .addOffsetDateTime(OffsetDateTime.now()).addDouble(end.replayed() / seconds)
                                    .addString(claimant));
                })
                .invoke(rows -> {
                    if (rows.rowCount() == 0) {
                        throw new ClaimLost(generation);
                    }
                })
                .chain(() -> generations.dropAllBut(tx, generation))
                .replaceWith(generation));
    }

    private Uni<Position> catchUp(SqlClient tx, int generation, Position from, UnreadableEvents unreadable) {
        return replayBatch(tx, generation, from, true, unreadable)
                .chain(position -> position.replayed() - from.replayed() < batchSize ? Uni.createFrom().item(position)
                        : catchUp(tx, generation, position, unreadable));
    }
}
