package org.lettersvisits.eventstore;

import java.time.Duration;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Metrics;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;

/**
 * Runs a command's transaction again when it lost a race the caller did not cause. Two races are
 * lost this way: another writer (the overdue watcher, a consumer applying a return visit, a colleague)
 * appended the stream's next version first, while the caller pinned no version (no {@code If-Match}); or
 * the database refused the append as a serialization failure (40001: the stream's last version came from a
 * younger transaction, see {@code V0_10}) or a deadlock (40P01). Each attempt loads, decides and appends
 * afresh, so the command is judged on the state it finally applies to: a business conflict found then is
 * the caller's to see (409 with the domain's words), a race is not. A caller that pinned a version gets
 * its 412 at once: the record changed since it read it.
 */
public final class CommandRetries {

    private static final Logger LOG = Logger.getLogger(CommandRetries.class);

    /** Attempts after the first; with the back-off below, a command gives up after about a second of lost races. */
    static final int RETRIES = 6;
    private static final Duration FIRST_BACK_OFF = Duration.ofMillis(10);
    private static final Duration LAST_BACK_OFF = Duration.ofMillis(300);

    private CommandRetries() {
    }

    /**
     * Runs {@code transaction} (a whole transaction: load, decide, append) and runs it again, with jittered
     * back-off, while it loses a race the caller did not cause.
     *
     * @param pinnedVersion the version the caller sent in {@code If-Match}, or null
     */
    public static <T> Uni<T> runAgainOnLostRace(Integer pinnedVersion, Supplier<Uni<? extends T>> transaction) {
        return Uni.createFrom().<T>deferred(transaction)
                .onFailure(failure -> lostRace(failure, pinnedVersion)).invoke(failure -> {
                    Metrics.counter("lettersvisits.commands.lost.races").increment();
                    LOG.debugf("a command lost a race and runs again: %s", failure.getMessage());
                })
                .onFailure(failure -> lostRace(failure, pinnedVersion))
                .retry().withBackOff(FIRST_BACK_OFF, LAST_BACK_OFF).withJitter(0.5).atMost(RETRIES)
                .onFailure(failure -> lostRace(failure, pinnedVersion)).transform(CommandRetries::givenUp);
    }

    static boolean lostRace(Throwable failure, Integer pinnedVersion) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConcurrencyConflict conflict) {
                return pinnedVersion == null && !conflict.expectedVersionGiven();
            }
            if (t instanceof PgException pg && ("40001".equals(pg.getSqlState()) || "40P01".equals(pg.getSqlState()))) {
                return true;
            }
        }
        return false;
    }

    /** Still losing after every attempt: a 409 that says what happened, in words a person understands. */
    private static Throwable givenUp(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConcurrencyConflict conflict) {
                return new ConcurrencyConflict(conflict.aggregateId(), ConcurrencyConflict.BUSY, false);
            }
        }
        return failure; // a serialization failure that persists: the database is overloaded, a 503 like any other
    }
}
