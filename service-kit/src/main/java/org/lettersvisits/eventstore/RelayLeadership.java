package org.lettersvisits.eventstore;

import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgConnection;

/**
 * Which instance of a service publishes its outbox: the one holding a session advisory lock on a
 * connection of its own. The lock lives exactly as long as that database session, so an instance
 * that dies (kill -9, a crash, a lost network) lets it go at once and another instance takes it at
 * its next try; the relay tries every time it is woken and on its timer. An instance that loses its
 * connection stops leading until it has the lock again.
 */
@Dependent
public class RelayLeadership {

    private static final Logger LOG = Logger.getLogger(RelayLeadership.class);

    /** The advisory lock key of the outbox relay (each service's own database has its own lock space). */
    static final long RELAY_LOCK = 0x4f5554424f58L; // "OUTBOX"

    @Inject
    Vertx vertx;

    @Inject
    OwnConnections connections;

    /** A follower asks the database at most this often (every append wakes every instance's relay). */
    private static final long TRY_EVERY_NANOS = 500_000_000L;

    private volatile PgConnection session;
    private volatile boolean leading;
    private volatile long lastTry;
    private final AtomicBoolean trying = new AtomicBoolean();

    /** Whether this instance leads now, taking the lead if nobody holds it. */
    public Uni<Boolean> lead() {
        if (leading && session != null) {
            return Uni.createFrom().item(true);
        }
        if (System.nanoTime() - lastTry < TRY_EVERY_NANOS || !trying.compareAndSet(false, true)) {
            return Uni.createFrom().item(false);
        }
        lastTry = System.nanoTime();
        return session()
                .chain(s -> s.preparedQuery("SELECT pg_try_advisory_lock($1) AS taken")
                        .execute(io.vertx.mutiny.sqlclient.Tuple.of(RELAY_LOCK)))
                .map(rows -> rows.iterator().next().getBoolean("taken"))
                .invoke(taken -> {
                    if (taken && !leading) {
                        LOG.info("this instance now publishes the outbox (relay leader)");
                    }
                    leading = taken;
                })
                .onFailure().recoverWithItem(failure -> {
                    LOG.debugf("cannot take the relay lead yet: %s", failure.getMessage());
                    return false;
                })
                .eventually(() -> trying.set(false));
    }

    public boolean isLeading() {
        return leading;
    }

    /** Gives the lead up by ending the session that holds it (as a dying instance does). */
    public Uni<Void> resign() {
        PgConnection s = session;
        leading = false;
        session = null;
        return s == null ? Uni.createFrom().voidItem() : s.close().onFailure().recoverWithNull().replaceWithVoid();
    }

    private Uni<PgConnection> session() {
        PgConnection s = session;
        if (s != null) {
            return Uni.createFrom().item(s);
        }
        return PgConnection.connect(vertx, connections.options("outbox relay leadership")).invoke(opened -> {
            opened.closeHandler(() -> {
                if (session == opened) {
                    session = null;
                    if (leading) {
                        LOG.warn("lost the relay lead: its database session ended");
                    }
                    leading = false;
                }
            });
            session = opened;
        });
    }
}
