package org.lettersvisits.eventstore;

import java.time.OffsetDateTime;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The event log's tamper evidence (db/eventstore V0_8): every event is chained to the previous one of
 * its aggregate by the database on insert; this class anchors the heads of all streams from time to time
 * (a chain of anchors) and verifies both. A verification recomputes every hash from the stored rows.
 */
@ApplicationScoped
@IfBuildProperty(name = "eventstore.outbox.enabled", stringValue = "true", enableIfMissing = true)
public class EventLogIntegrity {

    private static final Logger LOG = Logger.getLogger(EventLogIntegrity.class);
    /** One anchor at a time across replicas. */
    private static final long ANCHOR_LOCK = 0x616e63686f72L;

    private static final String CHECKED = """
            WITH checked AS (
                SELECT e.position, e.event_id, e.aggregate_id, e.version, e.hash, e.previous_hash,
                       lag(e.hash) OVER w AS prior_hash, lag(e.version) OVER w AS prior_version,
                       event_hash(e, lag(e.hash) OVER w) AS expected
                FROM event e WINDOW w AS (PARTITION BY e.aggregate_id ORDER BY e.version)),
            judged AS (
                SELECT position, event_id, aggregate_id, version, CASE
                    WHEN version <> coalesce(prior_version, 0) + 1 THEN 'an event of this stream before it is missing'
                    WHEN previous_hash IS DISTINCT FROM prior_hash THEN 'its link to the previous event does not match'
                    WHEN hash IS DISTINCT FROM expected THEN 'its stored content was altered'
                    END AS problem
                FROM checked)
            """;

    @Inject
    Pool pool;

    /** Verifies every stream's chain and the anchors. */
    public Uni<IntegrityReport> verify() {
        Uni<Row> totals = pool.query(CHECKED + """
                SELECT count(*) AS events, count(DISTINCT aggregate_id) AS streams,
                       count(*) FILTER (WHERE problem IS NOT NULL) AS broken FROM judged""")
                .execute().map(rows -> rows.iterator().next());
        Uni<Optional<IntegrityReport.BrokenEvent>> first = pool.query(CHECKED + """
                SELECT * FROM judged WHERE problem IS NOT NULL ORDER BY position LIMIT 1""")
                .execute().map(rows -> rows.rowCount() == 0 ? Optional.empty() : Optional.of(rows.iterator().next())
                        .map(row -> new IntegrityReport.BrokenEvent(row.getLong("position"), row.getUUID("event_id"),
                                row.getUUID("aggregate_id"), row.getInteger("version"), row.getString("problem"))));
        return Uni.combine().all().unis(totals, first, anchors()).asTuple().map(t -> {
            Row row = t.getItem1();
            long broken = row.getLong("broken");
            AnchorCheck anchors = t.getItem3();
            return new IntegrityReport(broken == 0 && anchors.problem() == null, row.getLong("events"),
                    row.getLong("streams"), broken, t.getItem2().orElse(null), anchors.count(), anchors.problem(),
                    OffsetDateTime.now());
        });
    }

    private record AnchorCheck(long count, String problem) {
    }

    private Uni<AnchorCheck> anchors() {
        Uni<Row> chain = pool.query("""
                SELECT count(*) AS anchors, min(id) FILTER (WHERE hash IS DISTINCT FROM expected
                       OR previous_hash IS DISTINCT FROM prior) AS first_broken
                FROM (SELECT id, hash, previous_hash, anchor_hash(a) AS expected, lag(hash) OVER (ORDER BY id) AS prior
                      FROM event_anchor a) anchors""").execute().map(rows -> rows.iterator().next());
        Uni<Optional<Row>> latest = pool.query("""
                SELECT a.id, a.streams = h.streams AND a.events = h.events AND a.heads_digest = h.digest AS holds
                FROM (SELECT * FROM event_anchor ORDER BY id DESC LIMIT 1) a, event_heads(a.covers_below) h""")
                .execute().map(rows -> rows.rowCount() == 0 ? Optional.empty() : Optional.of(rows.iterator().next()));
        return Uni.combine().all().unis(chain, latest).asTuple().map(t -> {
            long count = t.getItem1().getLong("anchors");
            Long broken = t.getItem1().getLong("first_broken");
            if (broken != null) {
                return new AnchorCheck(count, "anchor " + broken + " was altered or its link does not match");
            }
            return t.getItem2().filter(row -> !row.getBoolean("holds"))
                    .map(row -> new AnchorCheck(count, "the heads of the streams no longer match anchor " + row.getLong("id")
                            + ": events were removed from the end of a stream, or a whole stream"))
                    .orElse(new AnchorCheck(count, null));
        });
    }

    /** Anchors the heads of all streams now, if they changed since the last anchor; the new anchor's id. */
    public Uni<Optional<Long>> anchor() {
        return pool.withTransaction(tx -> tx.preparedQuery("SELECT pg_advisory_xact_lock($1)").execute(Tuple.of(ANCHOR_LOCK))
                .chain(() -> tx.query("""
                        WITH below AS (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS x),
                             last AS (SELECT hash, heads_digest FROM event_anchor ORDER BY id DESC LIMIT 1)
                        INSERT INTO event_anchor (covers_below, streams, events, heads_digest, previous_hash, hash)
                        SELECT (SELECT x FROM below), h.streams, h.events, h.digest, (SELECT hash FROM last), ''
                        FROM event_heads((SELECT x FROM below)) h
                        WHERE h.digest IS DISTINCT FROM (SELECT heads_digest FROM last)
                        RETURNING id""").execute())
                .chain(rows -> rows.rowCount() == 0 ? Uni.createFrom().item(Optional.<Long>empty())
                        : seal(tx, rows.iterator().next().getLong("id")).map(Optional::of)));
    }

    /** Completes anchor {@code id} with its hash, and logs it: a copy of every anchor outside the database. */
    private static Uni<Long> seal(SqlClient tx, long id) {
        return tx.preparedQuery("UPDATE event_anchor a SET hash = anchor_hash(a) WHERE id = $1 RETURNING hash, streams, events")
                .execute(Tuple.of(id))
                .invoke(rows -> rows.forEach(row -> LOG.infof("event log anchor %d: %d streams, %d events, hash %s", id,
                        row.getLong("streams"), row.getLong("events"), row.getString("hash"))))
                .replaceWith(id);
    }

    @Scheduled(every = "${eventstore.anchor-every:5m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> anchorPeriodically() {
        return anchor().onFailure().invoke(e -> LOG.warnf("could not anchor the event log now: %s", e.getMessage()))
                .onFailure().recoverWithItem(Optional.empty()).replaceWithVoid();
    }
}
