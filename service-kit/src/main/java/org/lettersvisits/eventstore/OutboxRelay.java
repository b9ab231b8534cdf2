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

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Publishes committed outbox entries to Kafka as CloudEvents (binary mode, key = aggregate id),
 * in commit order, and only then advances its checkpoint.
 * <ul>
 * <li>No gaps: an entry is taken only once every transaction older than the oldest one still
 * running has finished ({@code transaction_id < pg_snapshot_xmin(pg_current_snapshot())}), so a
 * transaction that commits late is never skipped.</li>
 * <li>One publisher: the checkpoint row is locked {@code FOR UPDATE SKIP LOCKED} for the batch; a
 * second replica finds it locked and does nothing.</li>
 * <li>Nothing lost: the checkpoint moves in the same transaction after Kafka acknowledged the
 * batch; a crash before that republishes the batch, and consumers drop the duplicates by event id.</li>
 * </ul>
 * It runs on a timer and when a command handler {@link #wake()}s it after a commit. A service that
 * owns no events (reporting) leaves it out with {@code eventstore.outbox.enabled=false}.
 */
@ApplicationScoped
@IfBuildProperty(name = "eventstore.outbox.enabled", stringValue = "true", enableIfMissing = true)
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private static final String LOCK_CHECKPOINT = """
            SELECT name FROM outbox_relay_checkpoint WHERE name = 'relay' FOR UPDATE SKIP LOCKED""";
    private static final String NEXT_BATCH = """
            SELECT o.position, o.event_id, o.topic, o.record_key, o.type, o.payload::text AS payload,
                   o.subject, o.actor, o.recorded_at
            FROM outbox o, outbox_relay_checkpoint c
            WHERE c.name = 'relay'
              AND (o.transaction_id, o.position) > (c.last_transaction_id, c.last_position)
              AND o.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
            ORDER BY o.transaction_id, o.position
            LIMIT $1""";
    private static final String ADVANCE_CHECKPOINT = """
            UPDATE outbox_relay_checkpoint c
            SET last_transaction_id = o.transaction_id, last_position = o.position
            FROM outbox o WHERE c.name = 'relay' AND o.position = $1""";

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

    @ConfigProperty(name = "eventstore.relay.interval", defaultValue = "PT0.5S")
    Duration interval;

    @ConfigProperty(name = "eventstore.relay.batch-size", defaultValue = "500")
    int batchSize;

    @ConfigProperty(name = "quarkus.application.name")
    String source;

    /** Saves work inside this process only; the checkpoint lock is what keeps replicas apart. */
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean wokenWhileRunning = new AtomicBoolean();
    private volatile boolean stopped = true;
    private long timerId = -1;

    void onStart(@Observes StartupEvent event) {
        if (enabledAtStart) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /** Starts relaying: now, on every {@link #wake()}, and on a timer. */
    public synchronized void start() {
        stopped = false;
        if (timerId < 0) {
            timerId = vertx.setPeriodic(interval.toMillis(), id -> wake());
        }
        wake();
    }

    /** Stops relaying; entries keep accumulating in the outbox until {@link #start()}. */
    public synchronized void stop() {
        stopped = true;
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
            timerId = -1;
        }
    }

    /** Asks the relay to publish what has been committed; returns at once. */
    public void wake() {
        if (stopped) {
            return;
        }
        if (!running.compareAndSet(false, true)) {
            wokenWhileRunning.set(true);
            return;
        }
        publishBatch(batchSize).subscribe().with(published -> {
            running.set(false);
            if (published == batchSize || wokenWhileRunning.getAndSet(false)) {
                wake();
            }
        }, failure -> {
            running.set(false);
            LOG.warnf("outbox relay could not publish, will retry: %s", failure.getMessage());
        });
    }

    /**
     * Publishes up to {@code limit} committed entries after the checkpoint, in commit order, and
     * advances the checkpoint past them.
     *
     * @return how many entries were published (0 if another replica holds the checkpoint)
     */
    public Uni<Integer> publishBatch(int limit) {
        return pool.withTransaction(tx -> tx.query(LOCK_CHECKPOINT).execute()
                .chain(lock -> lock.size() == 0 ? Uni.createFrom().item(0)
                        : tx.preparedQuery(NEXT_BATCH).execute(Tuple.of(limit))
                                .chain(batch -> publish(batch).chain(() -> advance(tx, batch)))));
    }

    private Uni<Void> publish(RowSet<Row> batch) {
        List<Uni<Void>> sends = new ArrayList<>();
        for (Row row : batch) {
            sends.add(emitter.sendMessage(toMessage(row)));
        }
        return sends.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(sends).andFailFast().replaceWithVoid();
    }

    private Message<String> toMessage(Row row) {
        return Message.of(row.getString("payload"))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withTopic(row.getString("topic"))
                        .withKey(row.getString("record_key"))
                        .build())
                .addMetadata(OutgoingCloudEventMetadata.builder()
                        .withId(row.getUUID("event_id").toString())
                        .withType(row.getString("type"))
                        .withSource(URI.create(source))
                        .withSubject(row.getString("subject"))
                        .withTimestamp(row.getOffsetDateTime("recorded_at").toZonedDateTime())
                        .withDataContentType("application/json")
                        .withExtension("actor", row.getString("actor"))
                        .build());
    }

    private Uni<Integer> advance(SqlClient tx, RowSet<Row> batch) {
        if (batch.size() == 0) {
            return Uni.createFrom().item(0);
        }
        long lastPosition = 0;
        for (Row row : batch) {
            lastPosition = row.getLong("position");
        }
        return tx.preparedQuery(ADVANCE_CHECKPOINT).execute(Tuple.of(lastPosition)).replaceWith(batch.size());
    }
}
