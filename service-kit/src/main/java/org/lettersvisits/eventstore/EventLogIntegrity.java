package org.lettersvisits.eventstore;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.lettersvisits.contracts.EventCodec;
import org.lettersvisits.contracts.Topics;
import org.lettersvisits.kafka.KafkaClients;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The event log's tamper evidence. The database chains every event to the previous one of its stream on insert
 * (db/eventstore V0_8); this class anchors the log from time to time and verifies it.
 * <p>
 * An anchor is made whole, once, in one transaction: it records the head of every stream that moved since the previous
 * anchor, after checking that every head the previous anchors recorded is still there, unchanged (the log must extend
 * them, or no anchor is made and {@code lettersvisits.event.log.anchors.refused} counts it); its hash covers the
 * previous anchor's; it is signed with a key the database never sees ({@link AnchorSigning}) and published through the
 * outbox to {@link Topics#EVENT_ANCHORS}. The verification ({@link LogVerification}) recomputes every hash in Java from
 * the stored rows and compares the log with the anchors that left the database.
 */
@ApplicationScoped
@IfBuildProperty(name = "eventstore.outbox.enabled", stringValue = "true", enableIfMissing = true)
public class EventLogIntegrity {

    private static final Logger LOG = Logger.getLogger(EventLogIntegrity.class);
    /** One anchor at a time across replicas. */
    private static final long ANCHOR_LOCK = 0x616e63686f72L;
    static final String ANCHOR_TYPE = "event-log.anchor.v1";

    /**
     * The heads of all streams below a transaction id ($1), beside the head each stream had at its latest anchor: the
     * rows that differ, and the totals on every row (one row with no stream when nothing moved).
     */
    private static final String MOVED_HEADS = """
            WITH heads AS (
                SELECT DISTINCT ON (aggregate_id) aggregate_id, version, hash FROM event
                WHERE transaction_id < $1::text::xid8 ORDER BY aggregate_id, version DESC),
            anchored AS (
                SELECT DISTINCT ON (aggregate_id) aggregate_id, version, hash, anchor_id FROM event_anchor_head
                ORDER BY aggregate_id, anchor_id DESC),
            moved AS (
                SELECT coalesce(h.aggregate_id, a.aggregate_id) AS aggregate_id, h.version, h.hash,
                       a.anchor_id, a.version AS anchored_version, a.hash AS anchored_hash,
                       (SELECT e.hash FROM event e WHERE e.aggregate_id = a.aggregate_id AND e.version = a.version) AS now_hash
                FROM heads h FULL JOIN anchored a ON a.aggregate_id = h.aggregate_id
                WHERE h.hash IS DISTINCT FROM a.hash)
            SELECT m.*, t.streams, t.events
            FROM (SELECT count(*) AS streams, coalesce(sum(version), 0) AS events FROM heads) t
            LEFT JOIN moved m ON true ORDER BY m.aggregate_id""";

    @Inject
    Pool pool;

    @Inject
    AnchorSigning signing;

    @Inject
    KafkaClients kafka;

    @Inject
    LogVerification verification;

    @Inject
    Instance<ChainedLog> chainedLogs;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    private final AtomicBoolean topicReady = new AtomicBoolean();
    private Counter refused;

    /** Verifies every stream's chain, the anchors, the anchors that left the database, and the chained logs. */
    public Uni<IntegrityReport> verify() {
        return verification.verify();
    }

    /** Anchors the log now, if a stream moved since the last anchor; the new anchor's id. */
    public Uni<Optional<Long>> anchor() {
        return topicReady().chain(() -> pool.withTransaction(tx -> tx.preparedQuery("SELECT pg_advisory_xact_lock($1)")
                .execute(Tuple.of(ANCHOR_LOCK))
                .chain(() -> tx.query("""
                        SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS below,
                               (SELECT hash FROM event_anchor ORDER BY id DESC LIMIT 1) AS previous""").execute())
                .map(rows -> rows.iterator().next())
                .chain(now -> tx.preparedQuery(MOVED_HEADS).execute(Tuple.of(now.getString("below")))
                        .chain(moved -> make(tx, now.getString("below"), now.getString("previous"), moved)))));
    }

    private Uni<Optional<Long>> make(SqlClient tx, String below, String previous, Iterable<Row> moved) {
        List<Row> heads = new ArrayList<>();
        long streams = 0;
        long events = 0;
        for (Row row : moved) {
            streams = row.getLong("streams");
            events = row.getLong("events");
            if (row.getUUID("aggregate_id") == null) {
                continue;
            }
            Integer anchoredVersion = row.getInteger("anchored_version");
            if (anchoredVersion != null && !row.getString("anchored_hash").equals(row.getString("now_hash"))) {
                String problem = "stream " + row.getUUID("aggregate_id") + " version " + anchoredVersion
                        + " is no longer what anchor " + row.getLong("anchor_id") + " recorded";
                refused().increment();
                LOG.errorf("the event log no longer extends its anchors, so it is not anchored again: %s", problem);
                return Uni.createFrom().item(Optional.empty());
            }
            heads.add(row);
        }
        if (heads.isEmpty()) {
            return Uni.createFrom().item(Optional.empty());
        }
        List<String> digested = heads.stream()
                .map(h -> h.getUUID("aggregate_id") + ":" + h.getInteger("version") + ":" + h.getString("hash")).toList();
        String headsDigest = Hashes.sha256(String.join(",", digested));
        long totalStreams = streams;
        long totalEvents = events;
        return accessLogHead(tx)
                .chain(accessLogHead -> tx.query("SELECT nextval(pg_get_serial_sequence('event_anchor', 'id')) AS id").execute()
                        .map(rows -> rows.iterator().next().getLong("id"))
                        .map(id -> {
                            Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
                            Anchor unsigned = new Anchor(service, id, at, below, totalStreams, totalEvents,
                                    (long) heads.size(), headsDigest, accessLogHead, previous, null, signing.keyId(), null);
                            String hash = unsigned.expectedHash();
                            return new Anchor(service, id, at, below, totalStreams, totalEvents, (long) heads.size(),
                                    headsDigest, accessLogHead, previous, hash, signing.keyId(), signing.sign(hash));
                        }))
                .call(anchor -> tx.preparedQuery("""
                        INSERT INTO event_anchor (id, anchored_at, covers_below, streams, events, heads_digest, previous_hash,
                                                  hash, anchored_heads, access_log_head, key_id, signature)
                        VALUES ($1, $2, $3::text::xid8, $4, $5, $6, $7, $8, $9, $10, $11, $12)""")
                        .execute(Tuple.tuple().addLong(anchor.id())
                                .addOffsetDateTime(OffsetDateTime.ofInstant(anchor.anchoredAt(), ZoneOffset.UTC))
                                .addString(anchor.coversBelow()).addLong(anchor.streams()).addLong(anchor.events())
                                .addString(anchor.headsDigest()).addString(anchor.previousHash()).addString(anchor.hash())
                                .addLong(anchor.anchoredHeads()).addString(anchor.accessLogHead())
                                .addString(anchor.keyId()).addString(anchor.signature())))
                .call(anchor -> tx.preparedQuery("INSERT INTO event_anchor_head (anchor_id, aggregate_id, version, hash)"
                        + " VALUES ($1, $2, $3, $4)").executeBatch(heads.stream().map(h -> Tuple.of(anchor.id(),
                                h.getUUID("aggregate_id"), h.getInteger("version"), h.getString("hash"))).toList()))
                .call(anchor -> tx.preparedQuery("""
                        INSERT INTO outbox (event_id, topic, record_key, type, payload, subject, actor, recorded_at)
                        VALUES ($1, $2, $3, $4, $5, $6, 'system:event-log-anchor', now())""")
                        .execute(Tuple.of(UUID.randomUUID(), Topics.EVENT_ANCHORS, service, ANCHOR_TYPE)
                                .addValue(new JsonObject(json(anchor))).addString("event-anchor/" + anchor.id())))
                .invoke(anchor -> LOG.infof("event log anchor %d: %d streams, %d events, %d heads moved, hash %s",
                        anchor.id(), anchor.streams(), anchor.events(), anchor.anchoredHeads(), anchor.hash()))
                .map(anchor -> Optional.of(anchor.id()));
    }

    private Uni<String> accessLogHead(SqlClient tx) {
        return chainedLogs != null && chainedLogs.isResolvable() ? chainedLogs.get().head(tx) : Uni.createFrom().nullItem();
    }

    private static String json(Anchor anchor) {
        try {
            return EventCodec.JSON.writeValueAsString(anchor);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an anchor", e);
        }
    }

    /** The topic the anchors leave by, made once (kept for ever) before the first anchor is queued for it. */
    private Uni<Void> topicReady() {
        if (topicReady.get()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().item(() -> {
            try {
                kafka.ensureTopic(Topics.EVENT_ANCHORS, ExternalAnchors.TOPIC_SETTINGS);
            } catch (IllegalStateException e) {
                // a deployment that provisions its topics (a KafkaTopic) gives the service no right to make one
                LOG.warnf("could not make or set %s (%s): anchors go to the topic as the deployment made it",
                        Topics.EVENT_ANCHORS, e.getMessage());
            }
            topicReady.set(true);
            return null;
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()).replaceWithVoid();
    }

    private Counter refused() {
        if (refused == null) {
            refused = Counter.builder("lettersvisits.event.log.anchors.refused")
                    .description("anchors not made because the event log no longer extends the previous anchors")
                    .register(registry);
        }
        return refused;
    }

    void registerMetrics(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent start) {
        refused();
    }

    @Scheduled(every = "${eventstore.anchor-every:5m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> anchorPeriodically() {
        return anchor().onFailure().invoke(e -> LOG.warnf("could not anchor the event log now: %s", e.getMessage()))
                .onFailure().recoverWithItem(Optional.empty()).replaceWithVoid();
    }
}
