package org.lettersvisits.assignment.reminders;

import java.time.Duration;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;

/** Sends one digest to one recipient, once: claim it in the ledger, send it, mark it sent (or give the claim back). */
@ApplicationScoped
public class ReminderPost {

    private static final Logger LOG = Logger.getLogger(ReminderPost.class);

    /** How a delivery went. */
    public enum Outcome {
        SENT, ALREADY_SENT, FAILED
    }

    @Inject
    ReminderLedger ledger;

    @Inject
    ReactiveMailer mailer;

    @ConfigProperty(name = "reminders.queue-link", defaultValue = "http://localhost:8082/#queue")
    String queueLink;

    /** A mail server that never answers must not hold the run: a send gives up after this long. */
    @ConfigProperty(name = "reminders.send-timeout", defaultValue = "30s")
    Duration sendTimeout;

    public Uni<Outcome> deliver(Digest digest, String recipient) {
        UUID sender = UUID.randomUUID();
        return ledger.claim(digest.day(), digest.audience(), digest.addressee(), recipient, sender)
                .chain(claimed -> claimed ? send(digest, recipient, sender) : Uni.createFrom().item(Outcome.ALREADY_SENT));
    }

    private Uni<Outcome> send(Digest digest, String recipient, UUID sender) {
        return mailer.send(Mail.withText(recipient, digest.subject(), digest.text(queueLink)))
                .ifNoItem().after(sendTimeout).fail()
                .onItemOrFailure().transformToUni((sent, failure) -> {
                    if (failure != null) {
                        LOG.warnf("reminder to %s for %s not sent, tried again at the next pass: %s", recipient,
                                digest.addressee(), failure.toString());
                        return ledger.release(digest.day(), digest.audience(), digest.addressee(), recipient, sender)
                                .onFailure().recoverWithNull() // the claim then lapses after ten minutes
                                .replaceWith(Outcome.FAILED);
                    }
                    // sent: only a database that stays away longer than the retries could make it go out twice
                    return ledger.markSent(digest.day(), digest.audience(), digest.addressee(), recipient, sender)
                            .onFailure().retry().withBackOff(Duration.ofMillis(500)).atMost(5)
                            .replaceWith(Outcome.SENT);
                });
    }
}
