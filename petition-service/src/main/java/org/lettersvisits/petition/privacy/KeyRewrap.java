package org.lettersvisits.petition.privacy;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Re-wraps every data key still under an older key-encryption key with the current one, in batches of
 * {@code petition.privacy.rewrap.batch-size}, each in a short transaction of its own that locks only its rows
 * ({@code FOR UPDATE SKIP LOCKED}, so replicas and erasures go on beside it). Where it stands is in the rows
 * themselves ({@code kek_id}): a job cut short (a restart) is resumed by starting it again, and once no data key
 * is under an old key that key can be removed from configuration.
 */
@ApplicationScoped
public class KeyRewrap {

    /** This instance's job: whether it runs, how many data keys it re-wrapped, when, and its last failure. */
    public record Job(boolean running, long done, OffsetDateTime startedAt, OffsetDateTime finishedAt, String failure) {
    }

    private static final Logger LOG = Logger.getLogger(KeyRewrap.class);

    private final Pool pool;
    private final PetitionerKeys keys;
    private final int batchSize;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong done = new AtomicLong();
    private volatile OffsetDateTime startedAt;
    private volatile OffsetDateTime finishedAt;
    private volatile String failure;

    KeyRewrap(Pool pool, PetitionerKeys keys,
            @ConfigProperty(name = "petition.privacy.rewrap.batch-size", defaultValue = "500") int batchSize) {
        this.pool = pool;
        this.keys = keys;
        this.batchSize = batchSize;
    }

    /** Starts the job unless it runs already; returns at once. */
    public Job start() {
        if (running.compareAndSet(false, true)) {
            done.set(0);
            startedAt = OffsetDateTime.now();
            finishedAt = null;
            failure = null;
            LOG.infof("re-wrapping the data keys under older key-encryption keys with %s", keys.currentKeyId());
            toTheEnd().subscribe().with(total -> finished(null), this::finished);
        }
        return job();
    }

    public Job job() {
        return new Job(running.get(), done.get(), startedAt, finishedAt, failure);
    }

    private void finished(Throwable error) {
        failure = error == null ? null : error.getMessage();
        finishedAt = OffsetDateTime.now();
        running.set(false);
        if (error == null) {
            LOG.infof("re-wrapped %d data keys with key-encryption key %s", done.get(), keys.currentKeyId());
        } else {
            LOG.errorf("re-wrapping stopped after %d data keys: %s", done.get(), error.getMessage());
        }
    }

    private Uni<Long> toTheEnd() {
        return batch().chain(count -> count == 0 ? Uni.createFrom().item(done.get()) : toTheEnd());
    }

    /** Re-wraps one batch in a transaction of its own; how many it re-wrapped (0: none left it could lock). */
    Uni<Integer> batch() {
        String current = keys.currentKeyId();
        return pool.withTransaction(tx -> tx.preparedQuery("""
                SELECT petition_id, kek_id, wrapped_key FROM petitioner_key WHERE kek_id <> $1
                ORDER BY petition_id LIMIT $2 FOR UPDATE SKIP LOCKED""")
                .execute(Tuple.of(current, batchSize))
                .chain(rows -> {
                    List<Tuple> rewrapped = new ArrayList<>();
                    for (Row row : rows) {
                        var petitionId = row.getUUID("petition_id");
                        rewrapped.add(Tuple.of(petitionId, Buffer.buffer(keys.wrap(keys.unwrap(row), petitionId)), current));
                    }
                    return rewrapped.isEmpty() ? Uni.createFrom().item(0)
                            : tx.preparedQuery("UPDATE petitioner_key SET wrapped_key = $2, kek_id = $3 WHERE petition_id = $1")
                                    .executeBatch(rewrapped).replaceWith(rewrapped.size());
                }))
                .invoke(count -> done.addAndGet(count));
    }
}
