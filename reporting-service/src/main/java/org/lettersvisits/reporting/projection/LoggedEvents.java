package org.lettersvisits.reporting.projection;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

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

    @Inject
    EventCodec codec;

    @Inject
    ReportProjector projector;

    /**
     * Applies the events of {@code rows} (columns seq, type, body, aggregate_version, and what {@code keep} reads) that
     * decode and that {@code keep} accepts, pipelined: each event is one statement of the projector's, and all of them
     * are sent on the transaction's connection at once, without waiting for each answer. PostgreSQL runs the statements
     * of one connection in the order they were sent, so the events apply in log order, as one after another would.
     */
    public Uni<Void> apply(SqlClient tx, int generation, Iterable<Row> rows, BiPredicate<Object, Row> keep) {
        List<Uni<Void>> statements = new ArrayList<>();
        for (Row row : rows) {
            Object event = decodeOrSkip(row.getLong("seq"), row.getString("type"), row.getString("body"));
            if (event != null && keep.test(event, row)) {
                statements.add(projector.apply(tx, generation, event, row.getInteger("aggregate_version")));
            }
        }
        return statements.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(statements).andFailFast().replaceWithVoid();
    }

    /**
     * The record's event, or null for a type this version does not know (it stays in the log for a later
     * version) or a body that does not fit a type learnt since it was kept (logged, never counted).
     */
    public Object decodeOrSkip(long seq, String type, String body) {
        if (!codec.knows(type)) {
            return null;
        }
        try {
            return codec.decode(type, body);
        } catch (IllegalArgumentException e) {
            LOG.warnf("report_event %d (%s) does not decode and is not counted: %s", seq, type, e.getMessage());
            return null;
        }
    }
}
