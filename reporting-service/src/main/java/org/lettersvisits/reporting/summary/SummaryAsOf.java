package org.lettersvisits.reporting.summary;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.lettersvisits.reporting.projection.BusinessDate;
import org.lettersvisits.reporting.projection.LoggedEvents;
import org.lettersvisits.reporting.projection.ReportProjector;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The department table as it stood at the end of a past day, by the business dates the events carry: the events of
 * {@code report_event} whose day is not after it are replayed through the same projector as the live board, into a
 * scratch generation of the read models inside one transaction that is then rolled back, and the same queries count
 * it with that day as "today". Nothing is kept; every request replays (the committee's year is a few thousand
 * events, replayed in well under a second).
 */
@ApplicationScoped
public class SummaryAsOf {

    private static final int BATCH = 1000;

    private static final String NEXT_BATCH = """
            SELECT e.seq, e.transaction_id::text AS tx, e.type, e.body, e.aggregate_version, e.at FROM report_event e
            WHERE (e.transaction_id, e.seq) > ($1::text::xid8, $2)
            ORDER BY e.transaction_id, e.seq LIMIT $3""";

    private record Position(String transactionId, long seq, int rows) {
    }

    @Inject
    Pool pool;

    @Inject
    ReportProjector projector;

    @Inject
    LoggedEvents events;

    @Inject
    ReportQueries queries;

    @Inject
    Clock clock;

    public Uni<Summary> summary(LocalDate from, LocalDate to, LocalDate asOf) {
        // a generation no one else uses: the rows are never committed, and no other transaction sees them
        int generation = -1 - ThreadLocalRandom.current().nextInt(1 << 30);
        return pool.getConnection().chain(connection -> connection.begin()
                .chain(tx -> replay(connection, generation, asOf, new Position("0", 0, BATCH))
                        .chain(() -> queries.summaryOf(connection, generation, from, to, asOf))
                        .eventually(tx::rollback))
                .eventually(connection::close))
                .map(summary -> summary.asOf(asOf));
    }

    private Uni<Void> replay(SqlConnection connection, int generation, LocalDate asOf, Position from) {
        if (from.rows() < BATCH) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery(NEXT_BATCH).execute(Tuple.of(from.transactionId(), from.seq(), BATCH))
                .chain(rows -> {
                    List<Uni<Void>> statements = new ArrayList<>();
                    Position last = new Position(from.transactionId(), from.seq(), rows.size());
                    for (Row row : rows) {
                        Object event = events.decodeOrSkip(row.getLong("seq"), row.getString("type"), row.getString("body"));
                        if (event != null && !BusinessDate.of(event, row.getOffsetDateTime("at"), clock.getZone())
                                .isAfter(asOf)) {
                            statements.add(projector.apply(connection, generation, event, row.getInteger("aggregate_version")));
                        }
                        last = new Position(row.getString("tx"), row.getLong("seq"), rows.size());
                    }
                    Position next = last;
                    Uni<Void> applied = statements.isEmpty() ? Uni.createFrom().voidItem()
                            : Uni.join().all(statements).andFailFast().replaceWithVoid();
                    return applied.chain(() -> replay(connection, generation, asOf, next));
                });
    }
}
