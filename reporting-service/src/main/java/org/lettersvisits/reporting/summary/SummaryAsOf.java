package org.lettersvisits.reporting.summary;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.lettersvisits.contracts.Department;
import org.lettersvisits.reporting.projection.BusinessDate;
import org.lettersvisits.reporting.projection.LoggedEvents;

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
            SELECT e.seq, e.event_id, e.transaction_id::text AS tx, e.type, e.body, e.aggregate_version, e.at FROM report_event e
            WHERE (e.transaction_id, e.seq) > ($1::text::xid8, $2)
            ORDER BY e.transaction_id, e.seq LIMIT $3""";

    private record Position(String transactionId, long seq, int rows) {
    }

    @Inject
    Pool pool;

    @Inject
    LoggedEvents events;

    @Inject
    ReportQueries queries;

    @Inject
    Clock clock;

    public Uni<Summary> summary(LocalDate from, LocalDate to, LocalDate asOf, Optional<Department> department) {
        // a generation no one else uses: the rows are never committed, and no other transaction sees them
        int generation = -1 - ThreadLocalRandom.current().nextInt(1 << 30);
        return pool.getConnection().chain(connection -> connection.begin()
                .chain(tx -> replay(connection, generation, asOf, new Position("0", 0, BATCH))
                        .chain(() -> queries.summaryOf(connection, generation, from, to, asOf, department))
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
                    // where the next batch starts: after the last row; a short batch is the log's end
                    Position after = new Position(from.transactionId(), from.seq(), rows.size());
                    for (Row row : rows) {
                        after = new Position(row.getString("tx"), row.getLong("seq"), rows.size());
                    }
                    Position next = after;
                    return events.apply(connection, generation, rows, (event, row) -> !BusinessDate
                            .of(event, row.getOffsetDateTime("at"), clock.getZone()).isAfter(asOf),
                            LoggedEvents.LOG_AND_SKIP)
                            .chain(() -> replay(connection, generation, asOf, next));
                });
    }
}
