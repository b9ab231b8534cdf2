package org.lettersvisits.petition.erasure;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * At every start, reads the {@link ErasureLedger} from its beginning and applies again each erasure whose data key is
 * still in the database (after a restore from a backup older than the erasure), before the service reports ready ({@link ErasureLedgerReadiness}); a
 * ledger that cannot be read yet (Kafka away) is read again with back-off. Logs how many it applied again and counts
 * them in the metric {@code lettersvisits.erasures.reapplied}.
 */
@ApplicationScoped
public class ErasureLedgerReplay {

    private static final Logger LOG = Logger.getLogger(ErasureLedgerReplay.class);
    private static final Duration WAIT = Duration.ofSeconds(30);

    /** What one reading of the ledger did: entries read, erasures applied again, entries that did not read. */
    public record Replayed(int entries, int reapplied, int unreadable) {
    }

    private final ErasureLedgerTopic topic;
    private final PetitionerErasure erasure;
    private final MeterRegistry registry;
    private final boolean atStart;
    private volatile Replayed lastReplay;
    private volatile Cancellable reading;

    ErasureLedgerReplay(ErasureLedgerTopic topic, PetitionerErasure erasure, MeterRegistry registry,
            @ConfigProperty(name = "petition.erasure.ledger.replay-at-start", defaultValue = "true") boolean atStart) {
        this.topic = topic;
        this.erasure = erasure;
        this.registry = registry;
        this.atStart = atStart;
    }

    void onStart(@Observes StartupEvent start) {
        if (!atStart) {
            return;
        }
        reading = Uni.createFrom().item(this::replay).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .onFailure().invoke(e -> LOG.warnf("cannot read the erasure ledger yet, not ready until it is read: %s%s",
                        e.getMessage(), e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")"))
                .onFailure().retry().withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(30)).indefinitely()
                .subscribe().with(done -> { });
    }

    void onStop(@Observes ShutdownEvent stop) {
        if (reading != null) {
            reading.cancel(); // a ledger still being retried is read at the next start
        }
    }

    /** Reads the whole ledger and applies again what the database lacks; blocking. */
    public Replayed replay() {
        topic.ensureKeptForEver();
        AtomicInteger entries = new AtomicInteger();
        AtomicInteger reapplied = new AtomicInteger();
        AtomicInteger unreadable = new AtomicInteger();
        topic.readAll(record -> {
            entries.incrementAndGet();
            ErasureLedger.Entry entry;
            try {
                entry = ErasureLedger.read(record.value());
            } catch (IllegalArgumentException e) {
                unreadable.incrementAndGet();
                LOG.errorf("erasure ledger record at %s-%d offset %d does not read and is passed over: %s", record.topic(),
                        record.partition(), record.offset(), e.getMessage());
                return;
            }
            if (Boolean.TRUE.equals(erasure.reapply(entry).await().atMost(WAIT))) {
                reapplied.incrementAndGet();
                LOG.warnf("applied the erasure of the petitioner of petition %s (%s, by %s) again: the database did not have it",
                        entry.petitionId(), entry.erasedAt(), entry.erasedBy());
            }
        });
        registry.counter("lettersvisits.erasures.reapplied").increment(reapplied.get());
        Replayed replayed = new Replayed(entries.get(), reapplied.get(), unreadable.get());
        LOG.infof("erasure ledger read: %d entries, %d erasures applied again, %d unreadable", replayed.entries(),
                replayed.reapplied(), replayed.unreadable());
        lastReplay = replayed;
        return replayed;
    }

    /** What the last reading of the ledger did; empty until it was read once. */
    public java.util.Optional<Replayed> lastReplay() {
        return java.util.Optional.ofNullable(lastReplay);
    }
}
