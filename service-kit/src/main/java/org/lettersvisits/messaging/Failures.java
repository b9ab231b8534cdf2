package org.lettersvisits.messaging;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

import org.lettersvisits.eventstore.CommandRejected;
import org.lettersvisits.eventstore.ConcurrencyConflict;
import org.lettersvisits.privacy.NoDataKey;

import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

/**
 * Sorts what went wrong while applying an event into what passes by itself (retry in place), what
 * can never succeed (dead letter), and what nobody foresaw (a few retries, then a dead letter).
 */
public final class Failures {

    /** How a failure is handled. */
    public enum Kind {
        /** The database or broker is away or busy, or another writer got there first: retry in place, for as long as it takes. */
        TRANSIENT,
        /** Retrying cannot help: the domain refused the command, or the data does not fit. Dead-lettered at once. */
        PERMANENT,
        /** A failure nobody classified (a bug, most likely): retried a few times, then dead-lettered for a redrive after the fix. */
        UNEXPECTED
    }

    private Failures() {
    }

    public static Kind classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Kind kind = classifyOne(t);
            if (kind != null) {
                return kind;
            }
        }
        return Kind.UNEXPECTED;
    }

    public static boolean isTransient(Throwable failure) {
        return classify(failure) == Kind.TRANSIENT;
    }

    public static boolean isUnexpected(Throwable failure) {
        return classify(failure) == Kind.UNEXPECTED;
    }

    private static Kind classifyOne(Throwable t) {
        if (t instanceof PgException pg) {
            return classifySqlState(pg.getSqlState());
        }
        if (t instanceof NoDataKey) {
            return Kind.TRANSIENT; // shared alongside the petition's first event, on its way
        }
        if (t instanceof ConcurrencyConflict) {
            return Kind.TRANSIENT; // load again and decide on the newer state
        }
        if (t instanceof CommandRejected || t instanceof Undeliverable || t instanceof IllegalArgumentException) {
            return Kind.PERMANENT;
        }
        if (t instanceof ClosedConnectionException || t instanceof IOException || t instanceof TimeoutException
                || t instanceof io.vertx.core.VertxException && mentionsConnection(t)
                || t instanceof NoStackTraceThrowable && mentionsConnection(t)) {
            return Kind.TRANSIENT; // connection refused, reset or closed; pool or connect timeout
        }
        if (t.getClass().getName().startsWith("org.apache.kafka.common.errors.")
                && t instanceof org.apache.kafka.common.errors.RetriableException) {
            return Kind.TRANSIENT;
        }
        return null;
    }

    /**
     * PostgreSQL error classes (appendix A of its manual): 08 connection exception, 40 transaction
     * rollback (serialization failure, deadlock), 53 insufficient resources (too many connections),
     * 55 object not in prerequisite state (a database not accepting connections, a lock not
     * available), 57 operator intervention (admin shutdown, terminated session, cannot connect now),
     * 58 system error: all pass. 22 data exception and 23 integrity violation never will.
     */
    static Kind classifySqlState(String sqlState) {
        if (sqlState == null || sqlState.length() < 2) {
            return Kind.UNEXPECTED;
        }
        return switch (sqlState.substring(0, 2)) {
            case "08", "40", "53", "55", "57", "58" -> Kind.TRANSIENT;
            case "22", "23" -> Kind.PERMANENT;
            default -> Kind.UNEXPECTED;
        };
    }

    private static boolean mentionsConnection(Throwable t) {
        String message = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
        return message.contains("connection") || message.contains("timeout") || message.contains("timed out")
                || message.contains("closed") || message.contains("pool");
    }
}
