package org.lettersvisits.petition.privacy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Runs the {@link KeyCheck} at start-up, before any other start-up work (sealing, republication) and before the
 * service is ready ({@link KeyCheckReadiness}): a key that does not fit the database stops the start with the check's message. When the
 * database does not answer within {@code petition.privacy.key-check.wait} the service starts, stays not ready, and
 * checks again in the background; a key found not to fit then ends the process with the same message.
 */
@ApplicationScoped
public class KeyCheckAtStart {

    private static final Logger LOG = Logger.getLogger(KeyCheckAtStart.class);

    private final Pool pool;
    private final KeyCheck check;
    private final Duration wait;
    private final CompletableFuture<KeyCheck.Checked> passed = new CompletableFuture<>();
    private volatile Cancellable checking;

    KeyCheckAtStart(Pool pool, KeyCheck check,
            @ConfigProperty(name = "petition.privacy.key-check.wait", defaultValue = "PT30S") Duration wait) {
        this.pool = pool;
        this.check = check;
        this.wait = wait;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent start) {
        try {
            checked(check.verify(pool).await().atMost(wait));
        } catch (KeyCheckFailed refused) {
            LOG.errorf("petition-service refuses to start: %s", refused.getMessage());
            throw refused;
        } catch (RuntimeException databaseAway) {
            LOG.warnf("cannot check the key-encryption keys yet (%s): not ready until they are", databaseAway.getMessage());
            checking = check.verify(pool)
                    .onFailure(e -> !(e instanceof KeyCheckFailed)).retry().withBackOff(Duration.ofSeconds(1),
                            Duration.ofSeconds(30)).indefinitely()
                    .subscribe().with(this::checked, refused -> {
                        LOG.errorf("petition-service stops: %s", refused.getMessage());
                        Quarkus.asyncExit(1);
                    });
        }
    }

    void onStop(@Observes ShutdownEvent stop) {
        if (checking != null) {
            checking.cancel();
        }
    }

    private void checked(KeyCheck.Checked checked) {
        LOG.infof("key-encryption keys checked: new data keys go under %s; data keys by key id %s", checked.currentId(),
                checked.dataKeysByKeyId());
        passed.complete(checked);
    }

    /** Completes once the keys were found to fit the database (never, if they do not). */
    public Uni<KeyCheck.Checked> passed() {
        return Uni.createFrom().completionStage(passed);
    }

    /** Whether the keys were found to fit the database. */
    public boolean hasPassed() {
        return passed.isDone();
    }
}
