package org.lettersvisits.eventstore;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;

/**
 * What an owning service does at start to the free text its earlier versions kept in clear: seals it in place in the
 * event store ({@link StoredTextSealing}), anchors the streams chained again, then re-publishes its history onto the new
 * version of its topic, sealed ({@link Republication}), so the launcher can delete the old one. Retried with back-off
 * until it is done (the database away, a data key not shared yet); safe to run again. A service asks for it by producing
 * the {@link Republication.Spec} of its topic; petition-service, whose start-up does more, calls {@link #run} itself.
 */
@ApplicationScoped
@IfBuildProperty(name = "eventstore.outbox.enabled", stringValue = "true", enableIfMissing = true)
public class FreeTextMigration {

    private static final Logger LOG = Logger.getLogger(FreeTextMigration.class);

    @Inject
    StoredTextSealing sealing;

    @Inject
    EventLogIntegrity integrity;

    @Inject
    Republication republication;

    @Inject
    Instance<Republication.Spec<?>> specs;

    void onStart(@Observes StartupEvent start) {
        specs.forEach(this::runAtStart);
    }

    /** Seals, anchors, re-publishes onto {@code spec}'s topic. */
    public <E> Uni<Void> run(Republication.Spec<E> spec) {
        return sealing.sealAll().call(sealed -> {
            if (sealed == 0) {
                return Uni.createFrom().voidItem();
            }
            LOG.infof("sealed the free text of %d events stored before sealing", sealed);
            return integrity.anchor();
        }).chain(() -> republication.onto(spec)).invoke(queued -> {
            if (queued > 0) {
                LOG.infof("re-publishing %d events onto %s", queued, spec.publishing().topic());
            }
        }).replaceWithVoid();
    }

    /** {@link #run} in the background, again and again until it is done. */
    public <E> void runAtStart(Republication.Spec<E> spec) {
        Uni.createFrom().deferred(() -> run(spec))
                .onFailure().invoke(e -> LOG.warnf("sealing stored free text waits: %s", e.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(30)).indefinitely()
                .subscribe().with(done -> LOG.debug("stored free text sealed and re-published"));
    }
}
