package org.lettersvisits.petition.app;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.lettersvisits.contracts.Topics;
import org.lettersvisits.eventstore.EventLogIntegrity;
import org.lettersvisits.eventstore.Republication;
import org.lettersvisits.eventstore.StoredTextSealing;
import org.lettersvisits.petition.domain.PetitionEvent;
import org.lettersvisits.petition.privacy.DataKeySharing;
import org.lettersvisits.petition.privacy.SealingMigration;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;

/**
 * What this version does to data stored by earlier ones, at start-up and in this order, retried until the
 * database answers (a service starts without it and waits): first the petitioners stored in clear are
 * sealed ({@link SealingMigration}) and their streams, chained again, anchored; the data keys made (or erased) before
 * sharing are shared (or withdrawn) ({@link DataKeySharing}); the free text of events stored before it was sealed is
 * sealed in place ({@link StoredTextSealing}); then the petition history is re-published onto
 * {@code petition-events.v3}, once, because the older versions still hold personal data (the petitioner in v1, the
 * subject in clear in v2) and Kafka cannot delete single records. The republication goes in
 * chunks, resumes where it stopped and runs beside the service's traffic ({@link Republication}). The launcher deletes
 * the old topics afterwards (docs/security.md, "Topic versions").
 */
@ApplicationScoped
public class StartupMigrations {

    private static final Logger LOG = Logger.getLogger(StartupMigrations.class);

    private final SealingMigration sealing;
    private final Republication republication;
    private final EventLogIntegrity integrity;
    private final DataKeySharing sharing;
    private final StoredTextSealing storedText;

    StartupMigrations(SealingMigration sealing, Republication republication, EventLogIntegrity integrity,
            DataKeySharing sharing, StoredTextSealing storedText) {
        this.sealing = sealing;
        this.republication = republication;
        this.integrity = integrity;
        this.sharing = sharing;
        this.storedText = storedText;
    }

    void onStart(@Observes StartupEvent start) {
        run().onFailure().invoke(e -> LOG.warnf("start-up migrations wait for the database: %s", e.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(30)).indefinitely()
                .subscribe().with(done -> LOG.debug("start-up migrations done"));
    }

    /** Seals, then re-publishes; safe to run again. */
    public Uni<Void> run() {
        List<String> retired = Topics.replacedBy(Topics.PETITION_EVENTS);
        return sealing.sealAll()
                .call(sealed -> {
                    if (sealed == 0) {
                        return Uni.createFrom().voidItem();
                    }
                    LOG.infof("sealed the petitioners of %d registrations stored in clear", sealed);
                    return integrity.anchor(); // the sealed streams were chained again: anchor their new heads
                })
                .chain(() -> sharing.shareEarlierKeys().invoke(shared -> {
                    if (shared > 0) {
                        LOG.infof("shared or withdrew %d data keys made or erased before sharing", shared);
                    }
                }))
                .chain(() -> storedText.sealAll().call(sealed -> {
                    if (sealed == 0) {
                        return Uni.createFrom().voidItem();
                    }
                    LOG.infof("sealed the free text of %d events stored before sealing", sealed);
                    return integrity.anchor();
                }))
                .chain(() -> republication.onto(new Republication.Spec<>(Petitions.AGGREGATE_TYPE, PetitionEvent.class,
                        Petitions.PUBLISHING, retired)))
                .invoke(queued -> {
                    if (queued > 0) {
                        LOG.infof("re-publishing %d petition events onto %s", queued, Topics.PETITION_EVENTS);
                    }
                })
                .replaceWithVoid();
    }
}
