package org.lettersvisits.eventstore;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Verifies a service's event log for someone who does not trust whoever owns its database: every event's hash is
 * recomputed in Java from the stored fields (the database's {@code event_hash} could have been replaced); every anchor
 * in the database must chain, carry a valid signature and still match the stream heads it recorded; the anchors that
 * left the database ({@link ExternalAnchors}) must chain, be signed, and be in the database as they were published; and
 * a {@link ChainedLog} (the access log) must chain up to the head the last anchor recorded. A rewrite whose hashes were
 * all made again still shows: the head an anchor recorded for that stream no longer matches, and the report names the
 * stream and version.
 */
@ApplicationScoped
@IfBuildProperty(name = "eventstore.outbox.enabled", stringValue = "true", enableIfMissing = true)
public class LogVerification {

    private static final int PAGE = 2000;
    /** The smallest uuid in PostgreSQL's order (bytes compared unsigned). */
    private static final UUID FIRST = new UUID(0L, 0L);

    @Inject
    Pool pool;

    @Inject
    AnchorSigning signing;

    @Inject
    ExternalAnchors external;

    @Inject
    Instance<ChainedLog> chainedLogs;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    public Uni<IntegrityReport> verify() {
        return events(new EventPass(), null, 0).chain(pass -> anchoredHeads().chain(headProblem -> anchors()
                .chain(anchors -> externalAnchors(anchors).chain(outside -> accessLog(anchors)
                        .map(accessLogProblem -> report(pass, headProblem, anchors, outside, accessLogProblem))))));
    }

    private static IntegrityReport report(EventPass pass, Optional<IntegrityReport.BrokenEvent> headProblem,
            DatabaseAnchors anchors, ExternalCheck outside, String accessLogProblem) {
        IntegrityReport.BrokenEvent first = pass.first != null ? pass.first : headProblem.orElse(null);
        long broken = pass.broken + (pass.first == null && headProblem.isPresent() ? 1 : 0);
        List<Anchor> published = outside.read.anchors();
        Anchor last = published.isEmpty() ? null : published.get(published.size() - 1);
        boolean ok = first == null && anchors.problem == null && outside.problem == null && accessLogProblem == null;
        return new IntegrityReport(ok, pass.checked, pass.streams, broken, first, anchors.list.size(), anchors.problem,
                published.size(), last == null ? null : last.id(), last == null ? null : last.hash(), outside.problem,
                accessLogProblem, OffsetDateTime.now());
    }

    /** The chain of every stream, page by page in (stream, version) order, each hash recomputed here. */
    private static final class EventPass {
        long checked;
        long streams;
        long broken;
        IntegrityReport.BrokenEvent first;
        UUID stream;
        int version;
        String hash;

        void check(Row row) {
            checked++;
            UUID aggregate = UUID.fromString(row.getString("aggregate_id"));
            if (!aggregate.equals(stream)) {
                streams++;
                stream = aggregate;
                version = 0;
                hash = null;
            }
            int v = row.getInteger("version");
            String expected = Hashes.of(hash == null ? "" : hash, row.getString("event_id"), row.getString("aggregate_type"),
                    row.getString("aggregate_id"), Integer.toString(v), row.getString("type"), row.getString("payload"),
                    row.getString("actor"), row.getString("correlation_id"),
                    row.getString("causation_id") == null ? "" : row.getString("causation_id"), row.getString("recorded"));
            String problem = v != version + 1 ? "an event of this stream before it is missing"
                    : !java.util.Objects.equals(row.getString("previous_hash"), hash) ? "its link to the previous event does not match"
                    : !expected.equals(row.getString("hash")) ? "its stored content was altered" : null;
            if (problem != null) {
                broken++;
                long position = row.getLong("position");
                if (first == null || position < first.position()) {
                    first = new IntegrityReport.BrokenEvent(position, UUID.fromString(row.getString("event_id")), aggregate,
                            v, problem);
                }
            }
            version = v;
            hash = row.getString("hash");
        }
    }

    private Uni<EventPass> events(EventPass pass, UUID after, int afterVersion) {
        return pool.preparedQuery("""
                SELECT position, event_id::text, aggregate_type, aggregate_id::text, version, type, payload::text AS payload,
                       actor, correlation_id::text, causation_id::text,
                       to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS recorded, previous_hash, hash
                FROM event WHERE (aggregate_id, version) > ($1, $2) ORDER BY aggregate_id, version LIMIT $3""")
                .execute(Tuple.of(after == null ? FIRST : after, afterVersion, PAGE))
                .chain(rows -> {
                    UUID last = null;
                    int lastVersion = 0;
                    for (Row row : rows) {
                        pass.check(row);
                        last = UUID.fromString(row.getString("aggregate_id"));
                        lastVersion = row.getInteger("version");
                    }
                    return rows.rowCount() < PAGE ? Uni.createFrom().item(pass) : events(pass, last, lastVersion);
                });
    }

    /** The first head an anchor recorded that is no longer there as it was. */
    private Uni<Optional<IntegrityReport.BrokenEvent>> anchoredHeads() {
        return pool.query("""
                SELECT h.anchor_id, h.aggregate_id, h.version, e.position, e.event_id
                FROM event_anchor_head h LEFT JOIN event e ON e.aggregate_id = h.aggregate_id AND e.version = h.version
                WHERE e.hash IS DISTINCT FROM h.hash ORDER BY h.anchor_id, h.aggregate_id LIMIT 1""").execute()
                .map(rows -> rows.rowCount() == 0 ? Optional.empty() : Optional.of(rows.iterator().next()).map(row ->
                        new IntegrityReport.BrokenEvent(row.getLong("position"), row.getUUID("event_id"),
                                row.getUUID("aggregate_id"), row.getInteger("version"), row.getLong("position") == null
                                        ? "this event, whose hash anchor " + row.getLong("anchor_id") + " recorded, is gone"
                                        : "the stream was rewritten at or before this version after anchor "
                                                + row.getLong("anchor_id") + " recorded its hash")));
    }

    /** The anchors in the database and the first thing wrong with them. */
    private record DatabaseAnchors(List<Anchor> list, String problem) {
    }

    private Uni<DatabaseAnchors> anchors() {
        Uni<List<Anchor>> list = pool.query("""
                SELECT id, anchored_at, covers_below::text AS covers_below, streams, events, anchored_heads, heads_digest,
                       access_log_head, previous_hash, hash, key_id, signature FROM event_anchor ORDER BY id""").execute()
                .map(rows -> {
                    List<Anchor> anchors = new ArrayList<>();
                    rows.forEach(row -> anchors.add(new Anchor(service, row.getLong("id"),
                            row.getOffsetDateTime("anchored_at").toInstant(), row.getString("covers_below"),
                            row.getLong("streams"), row.getLong("events"), row.getLong("anchored_heads"),
                            row.getString("heads_digest"), row.getString("access_log_head"), row.getString("previous_hash"),
                            row.getString("hash"), row.getString("key_id"), row.getString("signature"))));
                    return anchors;
                });
        Uni<Map<Long, String>> digests = pool.query("""
                SELECT anchor_id, string_agg(aggregate_id::text || ':' || version || ':' || hash, ',' ORDER BY aggregate_id) AS heads
                FROM event_anchor_head GROUP BY anchor_id""").execute().map(rows -> {
                    Map<Long, String> byAnchor = new HashMap<>();
                    rows.forEach(row -> byAnchor.put(row.getLong("anchor_id"), Hashes.sha256(row.getString("heads"))));
                    return byAnchor;
                });
        return Uni.combine().all().unis(list, digests).asTuple().map(t -> {
            String previous = null;
            for (Anchor anchor : t.getItem1()) {
                String problem = !java.util.Objects.equals(anchor.previousHash(), previous)
                        ? "anchor " + anchor.id() + " does not extend the anchor before it"
                        : !anchor.expectedHash().equals(anchor.hash()) ? "anchor " + anchor.id() + " was altered"
                        : anchor.signed() && !signing.verifies(anchor.hash(), anchor.signature())
                                ? "anchor " + anchor.id() + " is not signed by the platform's anchor key"
                        : anchor.signed() && !anchor.headsDigest().equals(t.getItem2().get(anchor.id()))
                                ? "the stream heads anchor " + anchor.id() + " recorded were altered in the database"
                        : null;
                if (problem != null) {
                    return new DatabaseAnchors(t.getItem1(), problem);
                }
                previous = anchor.hash();
            }
            return new DatabaseAnchors(t.getItem1(), null);
        });
    }

    private record ExternalCheck(ExternalAnchors.Read read, String problem) {
    }

    /** The anchors that left the database: signed, chained, and each still in the database as published. */
    private Uni<ExternalCheck> externalAnchors(DatabaseAnchors database) {
        return Uni.createFrom().item(external::read).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()).map(read -> {
            Map<Long, Anchor> inDatabase = new HashMap<>();
            database.list.forEach(anchor -> inDatabase.put(anchor.id(), anchor));
            Anchor previous = null;
            for (Anchor outside : read.anchors()) {
                String problem = !outside.expectedHash().equals(outside.hash()) || !signing.verifies(outside.hash(), outside.signature())
                        ? "published anchor " + outside.id() + " is not signed by the platform's anchor key"
                        : previous != null && !outside.previousHash().equals(previous.hash())
                                ? "published anchor " + outside.id() + " does not extend published anchor " + previous.id()
                        : !inDatabase.containsKey(outside.id()) ? "anchor " + outside.id() + " was published but is gone from the database"
                        : !inDatabase.get(outside.id()).hash().equals(outside.hash())
                                ? "anchor " + outside.id() + " in the database is not the one published"
                        : null;
                if (problem != null) {
                    return new ExternalCheck(read, problem);
                }
                previous = outside;
            }
            return new ExternalCheck(read, read.unreadable() > 0 ? read.unreadable() + " published anchors do not read" : null);
        });
    }

    /** The access log's chain, and that it still holds the entry the last anchor recorded. */
    private Uni<String> accessLog(DatabaseAnchors anchors) {
        if (chainedLogs == null || !chainedLogs.isResolvable()) {
            return Uni.createFrom().nullItem();
        }
        ChainedLog log = chainedLogs.get();
        String anchoredHead = anchors.list.stream().map(Anchor::accessLogHead).filter(java.util.Objects::nonNull)
                .reduce((a, b) -> b).orElse(null);
        return log.firstBroken().chain(broken -> {
            if (broken.isPresent()) {
                return Uni.createFrom().item(log.name() + ": " + broken.get());
            }
            return anchoredHead == null ? Uni.createFrom().nullItem() : log.holds(anchoredHead).map(holds -> holds ? null
                    : log.name() + ": entry " + anchoredHead.split(":")[0] + ", which an anchor recorded, is gone or changed");
        });
    }
}
