package org.lettersvisits.reporting.projection;

import java.util.List;
import java.util.function.BiFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Which generation of the read models is live. The live consumer takes a shared advisory lock
 * for each event's transaction; the rebuild's final swap takes it exclusively, so no event can
 * slip between the last replayed one and the swap.
 */
@ApplicationScoped
public class Generations {

    /** The advisory lock key shared by the live consumer (shared) and the swap (exclusive). */
    private static final long SWAP_LOCK = 0x5245504f5254L;

    @Inject
    Pool pool;

    /** Locks out a concurrent swap for this transaction and returns the live generation. */
    public Uni<Integer> liveGeneration(SqlClient tx) {
        return tx.query("SELECT pg_advisory_xact_lock_shared(" + SWAP_LOCK + ")").execute()
                .chain(() -> active(tx));
    }

    /** Waits until no live event transaction is in flight and keeps new ones out until this transaction ends. */
    public Uni<Void> lockForSwap(SqlClient tx) {
        return tx.query("SELECT pg_advisory_xact_lock(" + SWAP_LOCK + ")").execute().replaceWithVoid();
    }

    /**
     * Runs {@code read} against the live generation in one read-only REPEATABLE READ transaction: which
     * generation is live and everything read from it come from one snapshot, so a swap committed
     * meanwhile (which deletes the old generation) can never show half a report.
     */
    public <T> Uni<T> read(BiFunction<SqlClient, Integer, Uni<T>> read) {
        return pool.withTransaction(tx -> tx.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY").execute()
                .chain(() -> active(tx))
                .chain(generation -> read.apply(tx, generation)));
    }

    /** Drops every generation but the live one: the one a swap just replaced, and any a crashed rebuild left. */
    public Uni<Void> dropAllBut(SqlClient tx, int live) {
        return delete(tx, "generation <> $1", live);
    }

    /** Drops what a failed rebuild built: its generation is never made live. */
    public Uni<Void> drop(SqlClient tx, int generation) {
        return delete(tx, "generation = $1", generation);
    }

    private static Uni<Void> delete(SqlClient tx, String which, int generation) {
        Uni<Void> done = Uni.createFrom().voidItem();
        for (String table : List.of("rm_petition", "rm_case", "rm_return_visit")) {
            done = done.chain(() -> tx.preparedQuery("DELETE FROM " + table + " WHERE " + which)
                    .execute(Tuple.of(generation)).replaceWithVoid());
        }
        return done;
    }

    /** The generation queries read. */
    public Uni<Integer> active(SqlClient client) {
        return client.query("SELECT active_generation FROM projection_state WHERE id = 1").execute()
                .map(rows -> rows.iterator().next().getInteger("active_generation"));
    }
}
