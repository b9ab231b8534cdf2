package org.lettersvisits.eventstore;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;
import org.lettersvisits.contracts.EventEnvelope;
import org.lettersvisits.observability.TraceParent;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadataBuilder;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Publishes committed outbox entries to Kafka as CloudEvents (binary mode, key = aggregate id, with
 * the aggregate's id and version as extensions), in commit order, and only then advances its checkpoint.
 * <ul>
 * <li>No gaps: an entry is taken only once every transaction older than the oldest one still
 * running has finished ({@code transaction_id < pg_snapshot_xmin(pg_current_snapshot())}), so a
 * transaction that commits late is never skipped.</li>
 * <li>No transaction across Kafka I/O: a batch is read in one short statement, sent, and the checkpoint
 * advanced in another short statement that only ever moves it forward. Nothing is held open while
 * the broker is slow or away, so the relay never holds back the snapshot horizon of the database
 * server (which every service's relay on that server reads).</li>
 * <li>Nothing lost: the checkpoint moves only after Kafka acknowledged the whole batch; a crash or a
 * failed send before that republishes the batch, and consumers drop the duplicates by event id. What
 * the checkpoint has passed is deleted in the same statement: the outbox holds only what is yet to be
 * published (the event table keeps everything).</li>
 * <li>One trace: each entry carries the correlation id and the W3C {@code traceparent} of what wrote it;
 * the relay sends the correlation id as a CloudEvent extension and publishes in that trace, so the Kafka
 * producer span, the {@code traceparent} header and every consumer's span continue the request's trace.</li>
 * <li>One publisher among replicas: only the instance holding the {@link RelayLeadership} lease publishes;
 * when it dies or hangs another takes over once the lease has run out, from the checkpoint. A batch that
 * makes no progress for a whole lease is abandoned, and so is the lead.</li>
 * <li>Poison rows do not block: a row the broker can never take (too large, a topic that cannot exist, a record
 * that does not serialise) is moved to {@code outbox_set_aside} with the reason, and the rows behind it flow;
 * {@link SetAsideOutbox} lists it and hands it back after a fix. A transient failure stops the batch at that row.</li>
 * </ul>
 * It is woken by every append (a {@code pg_notify} in the outbox's insert trigger, delivered at commit,
 * whoever appended) and on a timer as a safety net. A service that owns no events (reporting) leaves it
 * out with {@code eventstore.outbox.enabled=false}.
 */
@ApplicationScoped
@IfBuildProperty(name = "eventstore.outbox.enabled", stringValue = "true", enableIfMissing = true)
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    /** The channel the outbox trigger notifies on every append. */
    static final String APPENDED = "outbox_appended";

    private static final String NEXT_BATCH = """
            SELECT o.position, o.transaction_id::text AS transaction_id, o.event_id, o.topic, o.record_key, o.type,
                   o.payload::text AS payload, o.subject, o.actor, o.recorded_at, o.aggregate_id, o.aggregate_version,
                   o.correlation_id, o.trace_parent
            FROM outbox o, outbox_relay_checkpoint c
            WHERE c.name = 'relay'
              AND (o.transaction_id, o.position) > (c.last_transaction_id, c.last_position)
              AND o.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
            ORDER BY o.transaction_id, o.position
            LIMIT $1""";
    /** Moves a row that can never be published aside, with the reason. */
    private static final String SET_ASIDE = """
            WITH moved AS (DELETE FROM outbox WHERE position = $1 RETURNING *)
            INSERT INTO outbox_set_aside SELECT moved.*, $2 FROM moved ON CONFLICT (event_id, topic) DO NOTHING""";
    /** Moves the checkpoint forward (never back) and forgets what is now behind it: published rows are pruned. */
    private static final String ADVANCE_CHECKPOINT = """
            WITH advanced AS (
                UPDATE outbox_relay_checkpoint
                SET last_transaction_id = $1::text::xid8, last_position = $2
                WHERE name = 'relay' AND (last_transaction_id, last_position) < ($1::text::xid8, $2)
                RETURNING last_transaction_id, last_position)
            DELETE FROM outbox o USING advanced a
            WHERE (o.transaction_id, o.position) <= (a.last_transaction_id, a.last_position)""";

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    @Inject
    @Channel("outbox")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
    MutinyEmitter<String> emitter;

    @ConfigProperty(name = "eventstore.relay.enabled", defaultValue = "true")
    boolean enabledAtStart;

    @ConfigProperty(name = "eventstore.relay.interval", defaultValue = "PT1S")
    Duration interval;

    @ConfigProperty(name = "eventstore.relay.batch-size", defaultValue = "500")
    int batchSize;

    @ConfigProperty(name = "quarkus.application.name")
    String source;

    @Inject
    OwnConnections connections;

    @Inject
    RelayLeadership leadership;

    /** Saves work inside this process only: one batch at a time. */
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean wokenWhileRunning = new AtomicBoolean();
    private volatile boolean stopped = true;
    private volatile long batchStartedNanos;
    private long timerId = -1;
    private PgSubscriber appends;

    void onStart(@Observes StartupEvent event) {
        listenForAppends();
        if (enabledAtStart) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
        if (appends != null) {
            appends.closeAndForget();
        }
    }

    /** Listens on a connection of its own (a pooled one would be handed to others) and reconnects when it drops. */
    private void listenForAppends() {
        appends = PgSubscriber.subscriber(vertx, connections.options("outbox relay wake-up"))
                .reconnectPolicy(retries -> 1000L);
        appends.channel(APPENDED).handler(payload -> wake());
        appends.connect()
                .onFailure().invoke(e -> LOG.warnf("cannot listen for outbox appends yet, relaying on the timer: %s",
                        e.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(30)).indefinitely()
                .subscribe().with(connected -> wake(), failure -> { });
    }

    /** Starts relaying: now, on every append, and on a timer. */
    public synchronized void start() {
        stopped = false;
        if (timerId < 0) {
            timerId = vertx.setPeriodic(interval.toMillis(), id -> wake());
        }
        wake();
    }

    /** Stops relaying and gives the lead up for another instance; entries accumulate in the outbox until {@link #start()}. */
    public synchronized void stop() {
        stopped = true;
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
            timerId = -1;
        }
        try {
            leadership.resign().await().atMost(Duration.ofSeconds(5));
        } catch (io.smallrye.mutiny.TimeoutException databaseAway) {
            LOG.warn("could not give the relay lease up (the database does not answer): it runs out by itself");
        }
    }

    /** Asks the relay to publish what has been committed; returns at once. */
    public void wake() {
        if (stopped) {
            return;
        }
        if (!running.compareAndSet(false, true)) {
            wokenWhileRunning.set(true);
            abandonIfStalled();
            return;
        }
        batchStartedNanos = System.nanoTime();
        leadership.lead().chain(leading -> leading ? publishBatch(batchSize) : Uni.createFrom().<Integer>nullItem())
                .subscribe().with(published -> {
                    running.set(false);
                    boolean wokenMeanwhile = wokenWhileRunning.getAndSet(false);
                    if (published != null && (published == batchSize || wokenMeanwhile)) {
                        wake(); // only the leader goes on at once; a follower tries again at its next wake
                    }
                }, failure -> {
                    running.set(false);
                    LOG.warnf("outbox relay could not publish, will retry: %s", failure.getMessage());
                });
    }

    /**
     * A batch that has not finished within a whole lease is stuck (a send that never returns, a database that
     * never answers): this instance stops calling itself leader, so it stops renewing and another instance takes
     * over once the lease has run out, and its relay may start a new batch later. Should the stuck batch finish
     * after all, its checkpoint only ever moves forward: the worst is a batch published twice.
     */
    private void abandonIfStalled() {
        long stalledFor = System.nanoTime() - batchStartedNanos;
        if (stalledFor > leadership.lease().toNanos()) {
            LOG.warnf("outbox relay batch made no progress for %d s; abandoning it and the lead", stalledFor / 1_000_000_000L);
            leadership.abandon();
            running.set(false);
        }
    }

    /**
     * Publishes up to {@code limit} committed entries after the checkpoint, in commit order, and
     * advances the checkpoint past them.
     *
     * @return how many entries were published
     */
    public Uni<Integer> publishBatch(int limit) {
        return pool.preparedQuery(NEXT_BATCH).execute(Tuple.of(limit)).chain(this::publish);
    }

    /**
     * Sends every row of the batch, then moves the checkpoint past the longest run from its start whose rows were
     * all either acknowledged by Kafka or set aside as never publishable; a row that failed for a passing reason
     * (the broker away) ends the run, and the next round sends it and what followed it again.
     */
    private Uni<Integer> publish(RowSet<Row> batch) {
        List<Row> rows = new ArrayList<>();
        List<Uni<Throwable>> sends = new ArrayList<>();
        for (Row row : batch) {
            rows.add(row);
            sends.add(send(row));
        }
        if (rows.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return Uni.join().all(sends).andCollectFailures().chain(failures -> {
            Row last = null;
            List<Tuple> setAside = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                Throwable failure = failures.get(i);
                if (failure != null && !PoisonRecords.isPoison(failure)) {
                    LOG.warnf("outbox relay could not publish event %s, will retry: %s", rows.get(i).getUUID("event_id"),
                            failure.getMessage());
                    break;
                }
                if (failure != null) {
                    LOG.errorf("outbox event %s (%s) can never be published as it is and is set aside: %s",
                            rows.get(i).getUUID("event_id"), rows.get(i).getString("type"), PoisonRecords.reason(failure));
                    setAside.add(Tuple.of(rows.get(i).getLong("position"), PoisonRecords.reason(failure)));
                }
                last = rows.get(i);
            }
            int published = last == null ? 0 : rows.indexOf(last) + 1;
            return last == null ? Uni.createFrom().item(0) : advance(last, setAside).replaceWith(published);
        });
    }

    /** Sends one row; the failure, or null once Kafka acknowledged it. */
    private Uni<Throwable> send(Row row) {
        Message<String> message;
        try {
            message = toMessage(row);
        } catch (RuntimeException unserialisable) {
            return Uni.createFrom().item(new PoisonRecords.Unpublishable("the row does not make a record: "
                    + unserialisable.getMessage(), unserialisable));
        }
        return emitter.sendMessage(message).onItemOrFailure().transform((done, failure) -> failure);
    }

    private Message<String> toMessage(Row row) {
        OutgoingCloudEventMetadataBuilder<Object> cloudEvent = OutgoingCloudEventMetadata.builder()
                .withId(row.getUUID("event_id").toString())
                .withType(row.getString("type"))
                .withSource(URI.create(source))
                .withSubject(row.getString("subject"))
                .withTimestamp(row.getOffsetDateTime("recorded_at").toZonedDateTime())
                .withDataContentType("application/json")
                .withExtension(EventEnvelope.ACTOR, row.getString("actor"));
        if (row.getUUID("correlation_id") != null) {
            cloudEvent.withExtension(EventEnvelope.CORRELATION_ID, row.getUUID("correlation_id").toString());
        }
        if (row.getInteger("aggregate_version") != null) {
            cloudEvent.withExtension(EventEnvelope.AGGREGATE_ID, row.getUUID("aggregate_id").toString())
                    .withExtension(EventEnvelope.AGGREGATE_VERSION, row.getInteger("aggregate_version"));
        }
        return Message.of(row.getString("payload"))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withTopic(row.getString("topic"))
                        .withKey(row.getString("record_key"))
                        .build())
                .addMetadata(cloudEvent.build())
                // the producer span continues the trace of the span that wrote the event (a new trace if none)
                .addMetadata(TracingMetadata.withCurrent(TraceParent.toContext(row.getString("trace_parent"))));
    }

    /** Sets the poison rows aside and moves the checkpoint past {@code last}, in one transaction. */
    private Uni<Void> advance(Row last, List<Tuple> setAside) {
        Tuple checkpoint = Tuple.of(last.getString("transaction_id"), last.getLong("position"));
        if (setAside.isEmpty()) {
            return pool.preparedQuery(ADVANCE_CHECKPOINT).execute(checkpoint).replaceWithVoid();
        }
        return pool.withTransaction(tx -> tx.preparedQuery(SET_ASIDE).executeBatch(setAside)
                .chain(() -> tx.preparedQuery(ADVANCE_CHECKPOINT).execute(checkpoint))).replaceWithVoid();
    }
}
