package org.lettersvisits.reporting.projection;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiPredicate;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.lettersvisits.contracts.EventCodec;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * Turns records of {@code report_event} back into their events, with today's codec (upcasting what is old), and
 * applies them to a generation of the read models: the rebuild and the board as of a past day replay the log alike.
 */
@ApplicationScoped
public class LoggedEvents {

    private static final Logger LOG = Logger.getLogger(LoggedEvents.class);

    /** A record of {@code report_event} of a type this version knows that it could not read, and why. */
    public record Unreadable(long seq, String type, UUID eventId, String error) {
    }

    /** For a replay that goes on without what it cannot read (the board as of a past day): log it. */
    public static final Consumer<Unreadable> LOG_AND_SKIP = u -> LOG.warnf(
            "report_event %d (%s, event %s) cannot be read and is not counted: %s", u.seq(), u.type(), u.eventId(), u.error());

    @Inject
    EventCodec codec;

    @Inject
    ReportProjector projector;

    /**
     * Applies the events of {@code rows} (columns seq, event_id, type, body, aggregate_version, and what {@code keep}
     * reads) that {@code keep} accepts, pipelined: each event is one statement of the projector's, and all of them are
     * sent on the transaction's connection at once, without waiting for each answer. PostgreSQL runs the statements of
     * one connection in the order they were sent, so the events apply in log order, as one after another would.
     * <p>
     * A record of a type this version does not know is passed over: it stays in the log for a later version. One of a
     * known type that does not decode (a body that does not fit a type learnt since it was kept, or changed since), or
     * whose event the projector cannot turn into its statement, goes to {@code unreadable} and is not applied.
     */
    public Uni<Void> apply(SqlClient tx, int generation, Iterable<Row> rows, BiPredicate<Object, Row> keep,
            Consumer<Unreadable> unreadable) {
        List<Uni<Void>> statements = new ArrayList<>();
        for (Row row : rows) {
            String type = row.getString("type");
            if (!codec.knows(type)) {
                continue;
            }
            try {
                Object event = codec.decode(type, row.getString("body"));
                if (keep.test(event, row)) {
                    statements.add(projector.apply(tx, generation, event, row.getInteger("aggregate_version")));
                }
            } catch (RuntimeException e) {
                unreadable.accept(new Unreadable(row.getLong("seq"), type, row.getUUID("event_id"),
                        e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            }
        }
        return statements.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(statements).andFailFast().replaceWithVoid();
    }
}
