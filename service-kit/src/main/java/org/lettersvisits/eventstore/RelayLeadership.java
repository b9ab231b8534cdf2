package org.lettersvisits.eventstore;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Which instance of a service publishes its outbox: the holder of a lease in {@code outbox_relay_lease}. The
 * leader renews it as its relay goes round (every wake, at most every fifth of the lease); an instance takes it
 * when it has expired by the database's clock. A leader that dies, or hangs with its connections open (a
 * stopped process, a send that never returns), stops renewing and loses the lead one lease later; a session
 * lock would have been kept forever. The leader also stops calling itself leader a little before its lease
 * ends by its own clock, so two instances never both believe they lead for long; if they do, the worst is a
 * batch sent twice, which consumers drop.
 */
@Dependent
public class RelayLeadership {

    private static final Logger LOG = Logger.getLogger(RelayLeadership.class);

    private static final String TAKE_OR_RENEW = """
            UPDATE outbox_relay_lease
            SET term = CASE WHEN holder = $1 THEN term ELSE term + 1 END,
                holder = $1, expires_at = clock_timestamp() + $2 * interval '1 millisecond'
            WHERE name = 'relay' AND (holder = $1 OR expires_at < clock_timestamp())
            RETURNING term""";
    private static final String RESIGN = """
            UPDATE outbox_relay_lease SET holder = NULL, expires_at = '-infinity' WHERE name = 'relay' AND holder = $1""";

    @Inject
    Pool pool;

    @ConfigProperty(name = "eventstore.relay.lease", defaultValue = "PT10S")
    Duration lease;

    @ConfigProperty(name = "quarkus.application.name")
    String application;

    /** Which instance of the service this is, among replicas (the launcher sets PLATFORM_INSTANCE). */
    @ConfigProperty(name = "platform.instance")
    Optional<String> instance;

    /** This claimant's name in the lease: the instance, and which of its claimants (a test may hold two). */
    private final String claimant = UUID.randomUUID().toString().substring(0, 8);

    private volatile boolean leading;
    private volatile long leadUntilNanos;
    private volatile long renewedAtNanos;
    private volatile long lastTryNanos;
    private final AtomicBoolean asking = new AtomicBoolean();

    /** The name this instance holds the lease under ({@code petition-service-2#1a2b3c4d}). */
    public String holder() {
        return instance.orElse(application) + "#" + claimant;
    }

    /**
     * Whether this instance leads now: takes the lease if it has expired, renews it if this instance holds it
     * and a fifth of it has passed, and otherwise answers from what it knows (followers ask at most twice a second).
     */
    public Uni<Boolean> lead() {
        long now = System.nanoTime();
        if (leading && now < leadUntilNanos && now - renewedAtNanos < lease.toNanos() / 5) {
            return Uni.createFrom().item(true);
        }
        if (!leading && now - lastTryNanos < 500_000_000L || !asking.compareAndSet(false, true)) {
            return Uni.createFrom().item(leading && now < leadUntilNanos);
        }
        lastTryNanos = now;
        return pool.preparedQuery(TAKE_OR_RENEW).execute(Tuple.of(holder(), lease.toMillis()))
                .map(rows -> {
                    boolean held = rows.rowCount() == 1;
                    if (held) {
                        renewedAtNanos = now;
                        // by our own clock, give up a tenth of the lease early: the database's clock decides
                        leadUntilNanos = now + lease.toNanos() * 9 / 10;
                        if (!leading) {
                            LOG.infof("this instance now publishes the outbox (relay leader %s, term %d)", holder(),
                                    rows.iterator().next().getLong("term"));
                        }
                    } else if (leading) {
                        LOG.warnf("lost the relay lead (%s): another instance took the expired lease", holder());
                    }
                    leading = held;
                    return held;
                })
                .onFailure().recoverWithItem(failure -> {
                    LOG.debugf("cannot take or renew the relay lease now: %s", failure.getMessage());
                    leading = leading && System.nanoTime() < leadUntilNanos;
                    return leading;
                })
                .eventually(() -> asking.set(false));
    }

    /** How long the lead lasts without a renewal. */
    public Duration lease() {
        return lease;
    }

    public boolean isLeading() {
        return leading && System.nanoTime() < leadUntilNanos;
    }

    /** Stops leading at once, without telling the database: the lease runs out by itself (a stalled relay). */
    public void abandon() {
        if (leading) {
            LOG.warnf("gave up the relay lead (%s): its relay made no progress for a whole lease", holder());
        }
        leading = false;
    }

    /** Gives the lead up, so another instance may take it at once (a service shutting down, a relay stopped). */
    public Uni<Void> resign() {
        leading = false;
        return pool.preparedQuery(RESIGN).execute(Tuple.of(holder())).onFailure().recoverWithNull().replaceWithVoid();
    }
}
