package org.lettersvisits.reporting.projection;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * Which generation of the read models is live. The live consumer takes a shared advisory lock
 * for each event's transaction; the rebuild's final swap takes it exclusively, so no event can
 * slip between the last replayed one and the swap.
 */
@ApplicationScoped
public class Generations {

    /** The advisory lock key shared by the live consumer (shared) and the swap (exclusive). */
    private static final long SWAP_LOCK = 0x5245504f5254L;

    /** Locks out a concurrent swap for this transaction and returns the live generation. */
    public Uni<Integer> liveGeneration(SqlClient tx) {
        return tx.query("SELECT pg_advisory_xact_lock_shared(" + SWAP_LOCK + ")").execute()
                .chain(() -> active(tx));
    }

    /** Waits until no live event transaction is in flight and keeps new ones out until this transaction ends. */
    public Uni<Void> lockForSwap(SqlClient tx) {
        return tx.query("SELECT pg_advisory_xact_lock(" + SWAP_LOCK + ")").execute().replaceWithVoid();
    }

    /** The generation queries read. */
    public Uni<Integer> active(SqlClient client) {
        return client.query("SELECT active_generation FROM projection_state WHERE id = 1").execute()
                .map(rows -> rows.iterator().next().getInteger("active_generation"));
    }
}
