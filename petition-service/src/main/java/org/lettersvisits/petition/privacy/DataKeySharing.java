package org.lettersvisits.petition.privacy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.SecretKey;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.common.config.TopicConfig;
import org.jboss.logging.Logger;
import org.lettersvisits.contracts.EventCodec;
import org.lettersvisits.contracts.Topics;
import org.lettersvisits.kafka.KafkaClients;
import org.lettersvisits.privacy.SharingKeys;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Shares each petitioner's data key with the services that seal and open the free text written about them
 * (assignment- and followup-service), over {@link Topics#DATA_KEYS}: a record through the outbox in the transaction
 * that made the key, wrapped under the sharing key ({@link SharingKeys}); an erasure withdraws it with a tombstone in
 * the erasure's transaction. The topic is compacted and keeps tombstones for ever, so the withdrawn key leaves the
 * broker's log at the next compaction and a reader from the beginning still learns that the person was erased.
 */
@ApplicationScoped
public class DataKeySharing {

    private static final Logger LOG = Logger.getLogger(DataKeySharing.class);
    private static final int BATCH = 200;
    /** Compacted, tombstones kept for ever, segments rolled hourly so a withdrawn key does not linger in an open one. */
    static final Map<String, String> TOPIC_SETTINGS = Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
            TopicConfig.DELETE_RETENTION_MS_CONFIG, String.valueOf(Long.MAX_VALUE),
            TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, "0",
            TopicConfig.MAX_COMPACTION_LAG_MS_CONFIG, "3600000",
            TopicConfig.SEGMENT_MS_CONFIG, "3600000",
            TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG, "0.01");
    static final String KEY_TYPE = "petitioner.data-key.v1";

    private final Pool pool;
    private final SharingKeys sharingKeys;
    private final PetitionerKeys keys;
    private final KafkaClients kafka;

    DataKeySharing(Pool pool, SharingKeys sharingKeys, PetitionerKeys keys, KafkaClients kafka) {
        this.pool = pool;
        this.sharingKeys = sharingKeys;
        this.keys = keys;
        this.kafka = kafka;
    }

    void onStart(@Observes StartupEvent start) {
        LOG.debugf("sharing data keys under sharing key %s", sharingKeys.currentId()); // a missing key stops the start
        Uni.createFrom().item(() -> {
            kafka.ensureTopic(Topics.DATA_KEYS, TOPIC_SETTINGS);
            return true;
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .onFailure().invoke(e -> LOG.warnf("cannot set up %s yet: %s", Topics.DATA_KEYS, e.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(30)).indefinitely()
                .subscribe().with(done -> LOG.debugf("%s is compacted and keeps its tombstones", Topics.DATA_KEYS));
    }

    /** Queues {@code key} of {@code petitionId} for the topic, in {@code transaction}. */
    public Uni<Void> share(SqlClient transaction, UUID petitionId, SecretKey key) {
        return queue(transaction, List.of(row(petitionId, payload(petitionId, key)))).chain(() -> transaction
                .preparedQuery("UPDATE petitioner_key SET shared_under = $2 WHERE petition_id = $1")
                .execute(Tuple.of(petitionId, sharingKeys.currentId()))).replaceWithVoid();
    }

    /** How many data keys were last shared under each sharing key id ("" for not shared yet). */
    public Uni<Map<String, Long>> sharedUnder() {
        return pool.query("SELECT coalesce(shared_under, '') AS under, count(*) AS n FROM petitioner_key GROUP BY 1")
                .execute().map(rows -> {
                    Map<String, Long> counts = new java.util.TreeMap<>();
                    rows.forEach(row -> counts.put(row.getString("under"), row.getLong("n")));
                    return counts;
                });
    }

    /** The sharing key new records go under. */
    public String currentSharingKeyId() {
        return sharingKeys.currentId();
    }

    /** Queues the withdrawal (a tombstone) of {@code petitionId}'s key, in {@code transaction}. */
    public Uni<Void> withdraw(SqlClient transaction, UUID petitionId) {
        return queue(transaction, List.of(row(petitionId, null)));
    }

    /**
     * Shares every key not shared under the current sharing key (made before sharing existed, or shared under a key
     * since rotated away) and withdraws every key erased before sharing existed, in batches, each in its own
     * transaction (replicas share the work with SKIP LOCKED); how many records it queued. Safe to run again. Once it
     * is done, the records under the old sharing key are superseded (compaction removes them) and that key can go from
     * the readers' configuration.
     */
    public Uni<Integer> shareEarlierKeys() {
        return shareBatch().chain(shared -> shared == 0 ? withdrawEarlier()
                : shareEarlierKeys().map(rest -> rest + shared));
    }

    private Uni<Integer> shareBatch() {
        return pool.withTransaction(tx -> tx.preparedQuery("""
                SELECT petition_id, kek_id, wrapped_key FROM petitioner_key WHERE shared_under IS DISTINCT FROM $2
                ORDER BY petition_id LIMIT $1 FOR UPDATE SKIP LOCKED""").execute(Tuple.of(BATCH, sharingKeys.currentId()))
                .chain(rows -> {
                    List<Tuple> records = new ArrayList<>();
                    List<UUID> ids = new ArrayList<>();
                    for (Row row : rows) {
                        UUID petitionId = row.getUUID("petition_id");
                        records.add(row(petitionId, payload(petitionId, keys.unwrap(row))));
                        ids.add(petitionId);
                    }
                    return queue(tx, records).chain(() -> ids.isEmpty() ? Uni.createFrom().voidItem()
                            : tx.preparedQuery("UPDATE petitioner_key SET shared_under = $2 WHERE petition_id = ANY($1)")
                                    .execute(Tuple.of(ids.toArray(UUID[]::new), sharingKeys.currentId())).replaceWithVoid())
                            .map(done -> records.size());
                }));
    }

    private Uni<Integer> withdrawEarlier() {
        return pool.withTransaction(tx -> tx.preparedQuery("""
                DELETE FROM data_key_withdrawal_due WHERE petition_id IN (
                    SELECT petition_id FROM data_key_withdrawal_due LIMIT $1 FOR UPDATE SKIP LOCKED)
                RETURNING petition_id""").execute(Tuple.of(BATCH))
                .chain(rows -> {
                    List<Tuple> tombstones = new ArrayList<>();
                    rows.forEach(row -> tombstones.add(row(row.getUUID("petition_id"), null)));
                    return queue(tx, tombstones).map(done -> tombstones.size());
                }))
                .chain(withdrawn -> withdrawn == 0 ? Uni.createFrom().item(0)
                        : withdrawEarlier().map(rest -> rest + withdrawn));
    }

    private String payload(UUID petitionId, SecretKey key) {
        try {
            return EventCodec.JSON.writeValueAsString(sharingKeys.share(petitionId, key));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a shared data key", e);
        }
    }

    private static Tuple row(UUID petitionId, String payload) {
        return Tuple.of(UUID.randomUUID(), Topics.DATA_KEYS, petitionId.toString(), KEY_TYPE)
                .addValue(payload == null ? null : new JsonObject(payload)).addString("petition/" + petitionId)
                .addString("system:data-key-sharing");
    }

    private static Uni<Void> queue(SqlClient transaction, List<Tuple> rows) {
        return rows.isEmpty() ? Uni.createFrom().voidItem() : transaction.preparedQuery("""
                INSERT INTO outbox (event_id, topic, record_key, type, payload, subject, actor, recorded_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, now())""").executeBatch(rows).replaceWithVoid();
    }
}
