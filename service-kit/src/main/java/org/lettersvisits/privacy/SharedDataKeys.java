package org.lettersvisits.privacy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

import javax.crypto.SecretKey;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;
import org.lettersvisits.contracts.EventCodec;
import org.lettersvisits.contracts.Topics;
import org.lettersvisits.kafka.KafkaClients;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * The data keys petition-service shares ({@link Topics#DATA_KEYS}), held in memory only: a thread reads the compacted
 * topic from its beginning at start and follows it; a key record adds a key, a tombstone (an erasure) removes it and
 * remembers the petition as erased. Nothing is written to this service's database, so an erasure leaves no copy here.
 * <p>
 * A key asked for before its record arrived (the petition's first event can overtake it: the two travel on different
 * topics) makes the reader catch up with the topic's end as it is now; a key still unknown then fails with
 * {@link NoDataKey}, which the caller retries. Not ready ({@code data keys}) until the first read reached the end. When
 * not one key of that first read opens, the sharing key is wrong: the service stops, naming the setting; a single key
 * that does not open leaves it not ready, with the problem.
 */
@ApplicationScoped
@IfBuildProperty(name = "lettersvisits.privacy.data-keys", stringValue = "shared")
public class SharedDataKeys implements DataKeys {

    private static final Logger LOG = Logger.getLogger(SharedDataKeys.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration CATCH_UP_AT_MOST = Duration.ofSeconds(30);

    private record CatchUp(CompletableFuture<Void> done, Map<TopicPartition, Long> end) {
    }

    private final KafkaClients kafka;
    private final SharingKeys sharingKeys;
    private final Map<UUID, SecretKey> keys = new ConcurrentHashMap<>();
    private final Set<UUID> erased = ConcurrentHashMap.newKeySet();
    private final Queue<CompletableFuture<Void>> asked = new ConcurrentLinkedQueue<>();
    private volatile boolean caughtUp;
    /** The keys whose latest record did not open, by petition (a later record that opens, or a tombstone, clears it). */
    private final Map<UUID, String> notOpening = new ConcurrentHashMap<>();
    /** Why the topic cannot be read now (cleared once it reads again). */
    private volatile String readProblem;
    /** What a start whose keys all fail to open does: stop, naming the sharing key (a test listens instead). */
    Consumer<String> refuse = message -> {
        LOG.error(message);
        Quarkus.asyncExit(1);
    };
    private volatile boolean stopping;
    private volatile KafkaConsumer<String, String> consumer;

    SharedDataKeys(KafkaClients kafka, SharingKeys sharingKeys) {
        this.kafka = kafka;
        this.sharingKeys = sharingKeys;
    }

    void start(@Observes StartupEvent start) {
        LOG.debugf("data keys are shared under sharing key %s", sharingKeys.currentId()); // a missing key stops the start
        Thread reader = new Thread(this::follow, "shared-data-keys");
        reader.setDaemon(true);
        reader.start();
    }

    void stop(@Observes ShutdownEvent stop) {
        stopping = true;
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    @Override
    public Uni<Optional<SecretKey>> keyOf(SqlClient client, UUID petitionId) {
        Optional<Optional<SecretKey>> known = known(petitionId);
        if (known.isPresent()) {
            return Uni.createFrom().item(known.get());
        }
        CompletableFuture<Void> caughtUpNow = new CompletableFuture<>();
        asked.add(caughtUpNow);
        Uni<Void> synced = Uni.createFrom().completionStage(caughtUpNow).ifNoItem().after(CATCH_UP_AT_MOST)
                .failWith(() -> new NoDataKey(petitionId));
        Context context = Vertx.currentContext();
        if (context != null) {
            synced = synced.emitOn(task -> context.runOnContext(ignored -> task.run()));
        }
        return synced.map(ignored -> known(petitionId).orElseThrow(() -> new NoDataKey(petitionId)));
    }

    /** The key, or empty once erased; nothing when this service has not heard of the petition. */
    private Optional<Optional<SecretKey>> known(UUID petitionId) {
        SecretKey key = keys.get(petitionId);
        if (key != null) {
            return Optional.of(Optional.of(key));
        }
        return erased.contains(petitionId) ? Optional.of(Optional.empty()) : Optional.empty();
    }

    /** Whether the first read reached the topic's end; what went wrong, if anything. */
    public boolean caughtUp() {
        return caughtUp;
    }

    public Optional<String> problem() {
        return notOpening.values().stream().findFirst()
                .map(first -> notOpening.size() + " shared data key(s) do not open, e.g. " + first);
    }

    /** Why the topic cannot be read now, if it cannot. */
    public Optional<String> readProblem() {
        return Optional.ofNullable(readProblem);
    }

    /** How many keys are held now. */
    public int size() {
        return keys.size();
    }

    private void follow() {
        long backOff = 500;
        while (!stopping) {
            try (KafkaConsumer<String, String> reading = kafka.assignedConsumer()) {
                consumer = reading;
                List<TopicPartition> partitions = reading.partitionsFor(Topics.DATA_KEYS, KafkaClients.WAIT).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                if (partitions.isEmpty()) {
                    throw new IllegalStateException("the topic " + Topics.DATA_KEYS + " does not exist yet");
                }
                reading.assign(partitions);
                reading.seekToBeginning(partitions);
                Map<TopicPartition, Long> firstEnd = reading.endOffsets(partitions, KafkaClients.WAIT);
                List<CatchUp> catchingUp = new ArrayList<>();
                while (!stopping) {
                    for (ConsumerRecord<String, String> shared : reading.poll(POLL)) {
                        apply(shared);
                    }
                    readProblem = null;
                    if (!caughtUp && reached(reading, firstEnd)) {
                        caughtUp = true;
                        LOG.infof("read the shared data keys: %d keys, %d erased", keys.size(), erased.size());
                        if (keys.isEmpty() && !notOpening.isEmpty()) {
                            // not one key opens: the sharing key is wrong, not a record
                            refuse.accept("none of the " + notOpening.size() + " shared data keys opens with this"
                                    + " service's sharing keys (" + notOpening.values().iterator().next() + "): configure"
                                    + " lettersvisits.privacy.sharing-key (DATA_KEY_SHARING_KEY) as petition-service has it");
                        }
                    }
                    if (!asked.isEmpty()) {
                        List<CompletableFuture<Void>> now = new ArrayList<>();
                        for (CompletableFuture<Void> request; (request = asked.poll()) != null;) {
                            now.add(request);
                        }
                        Map<TopicPartition, Long> end = reading.endOffsets(partitions, KafkaClients.WAIT);
                        now.forEach(request -> catchingUp.add(new CatchUp(request, end)));
                    }
                    for (Iterator<CatchUp> waiting = catchingUp.iterator(); waiting.hasNext();) {
                        CatchUp catchUp = waiting.next();
                        if (reached(reading, catchUp.end())) {
                            catchUp.done().complete(null);
                            waiting.remove();
                        }
                    }
                    backOff = 500;
                }
            } catch (WakeupException stopped) {
                return;
            } catch (RuntimeException e) {
                readProblem = e.getMessage();
                LOG.warnf("cannot read the shared data keys (%s), reading again in %d ms", e.getMessage(), backOff);
                try {
                    Thread.sleep(backOff);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backOff = Math.min(backOff * 2, 15_000);
            } finally {
                consumer = null;
            }
        }
    }

    private static boolean reached(KafkaConsumer<String, String> reading, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> reading.position(e.getKey(), KafkaClients.WAIT) >= e.getValue());
    }

    private void apply(ConsumerRecord<String, String> shared) {
        UUID petitionId;
        try {
            petitionId = UUID.fromString(shared.key());
        } catch (IllegalArgumentException | NullPointerException e) {
            LOG.warnf("ignoring a record on %s without a petition id as its key (offset %d)", Topics.DATA_KEYS,
                    shared.offset());
            return;
        }
        if (shared.value() == null) {
            keys.remove(petitionId);
            notOpening.remove(petitionId);
            erased.add(petitionId);
            return;
        }
        try {
            SharedDataKey record = EventCodec.JSON.readValue(shared.value(), SharedDataKey.class);
            if (!petitionId.equals(record.petitionId())) {
                throw new IllegalArgumentException("the record's key and its petition differ");
            }
            keys.put(petitionId, sharingKeys.open(record));
            erased.remove(petitionId);
            notOpening.remove(petitionId);
        } catch (java.io.IOException | RuntimeException e) {
            // a key that does not open is a misconfiguration (another sharing key): say so, and keep reading
            String problem = "the shared data key of petition " + petitionId + " does not open: " + e.getMessage();
            notOpening.put(petitionId, problem);
            LOG.error(problem);
        }
    }
}
