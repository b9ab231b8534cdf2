package org.lettersvisits.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.lettersvisits.contracts.registry.PlatformEvents;
import org.lettersvisits.eventstore.CommandRejected;
import org.lettersvisits.messaging.Failures.Kind;
import org.lettersvisits.messaging.Undeliverable.Reason;
import org.lettersvisits.observability.ConsumerMetrics;
import org.lettersvisits.observability.FailureText;
import org.lettersvisits.observability.RequestLogContext;
import org.lettersvisits.observability.TraceParent;
import org.lettersvisits.privacy.DataKeys;
import org.lettersvisits.privacy.PersonalTextSealing;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * Applies incoming events exactly once, and never loses one.
 * <ul>
 * <li>Once: in one transaction, the event id is recorded as processed and the subscription applies
 * the event; a redelivery finds the id and changes nothing. The record is acknowledged after the
 * commit. Live channels hand over a poll's batch ({@link #handleBatch}): one transaction for all its
 * records, each still recorded by its own id.</li>
 * <li>Transient failures (the database away or refusing connections, a pool timeout, a deadlock, a
 * concurrent writer) are retried in place with capped exponential back-off for as long as it takes:
 * the consumer does not move past the record, so one aggregate's events stay in order. Meanwhile
 * {@link StuckConsumers} reports the consumer as not ready.</li>
 * <li>What can never succeed ({@link Undeliverable}: unreadable, invalid, forged source; a command the
 * domain rejects; a failure nobody classified that persists after a few retries) is nacked, which the
 * channel's {@code dead-letter-queue} strategy sends to {@code <service>.dead-letters} with the reason
 * in its headers; consumption goes on.</li>
 * <li>A well-formed event of a type this service does not know is acknowledged and skipped (forward
 * compatibility), unless the subscription keeps such events; it is never dropped without a trace:
 * {@link UnrecognisedEvents} keeps it, in the same transaction, for a redrive after an upgrade.</li>
 * </ul>
 */
@ApplicationScoped
public class InboundEvents {

    private static final Logger LOG = Logger.getLogger(InboundEvents.class);

    /** The header of a dead letter that names its {@link Reason}. */
    public static final String DEAD_LETTER_KIND = "dead-letter-kind";
    /** The header of a dead letter that names the subscription that could not apply it (a redrive hands it back there). */
    public static final String DEAD_LETTER_SUBSCRIPTION = "dead-letter-subscription";

    static final Duration FIRST_RETRY = Duration.ofMillis(100);
    static final Duration LONGEST_RETRY = Duration.ofSeconds(5);
    static final int UNEXPECTED_RETRIES = 3;

    /** How a record was handled. */
    public enum Delivery {
        /** The subscription applied it. */
        APPLIED,
        /** Its id was recorded already: a redelivery, nothing changed. */
        ALREADY_APPLIED,
        /** A type the subscription does not handle: acknowledged, nothing changed. */
        SKIPPED
    }

    @Inject
    Pool pool;

    @Inject
    ProcessedEvents processed;

    @Inject
    EnvelopeReader reader;

    @Inject
    StuckConsumers health;

    @Inject
    ConsumerMetrics metrics;

    @Inject
    UnrecognisedEvents unrecognised;

    @Inject
    Instance<DataKeys> dataKeys;

    /** Applies one message of a live channel; acknowledges it once applied, nacks it into the dead letters if it never can be. */
    public Uni<Void> handle(Message<String> message, Subscription subscription) {
        ReceivedRecord record = ReceivedRecord.of(message);
        return deliver(record, TraceParent.ofMessage(message), subscription, true).onItemOrFailure().transformToUni((delivery, failure) -> {
            if (failure == null) {
                metrics.handled(subscription.name(), delivery.name().toLowerCase(java.util.Locale.ROOT));
                return Uni.createFrom().completionStage(message.ack());
            }
            metrics.deadLettered(subscription.name(), failure instanceof Undeliverable u ? u.reason().name() : "FAILED");
            LOG.errorf("dead-lettering %s: %s", record.position(), FailureText.of(failure));
            return Uni.createFrom().completionStage(message.nack(failure, deadLetterHeaders(failure, subscription)));
        });
    }

    /**
     * Applies a batch of a live channel (what one poll returned, {@code batch=true} on the channel): every
     * record in order, in one transaction, each still recorded as processed by its own event id, so a
     * redelivery of any of them changes nothing. One commit for the batch instead of one per record. A
     * transient failure rolls the batch back and retries it in place; a record that can never be applied (or
     * any other failure) rolls the batch back and the batch is re-run one record at a time through
     * {@link #handle}, so the poison record alone is dead-lettered and the rest applied.
     */
    public Uni<Void> handleBatch(KafkaRecordBatch<String, String> batch, Subscription subscription) {
        List<KafkaRecord<String, String>> messages = batch.getRecords();
        List<InboundEvent> events = new ArrayList<>(messages.size());
        for (KafkaRecord<String, String> message : messages) {
            try {
                events.add(reader.read(ReceivedRecord.of(message)).continuedIn(TraceParent.ofMessage(message)));
            } catch (Undeliverable unreadable) {
                return oneByOne(messages, subscription);
            }
        }
        ReceivedRecord first = events.get(0).record();
        return Uni.createFrom().deferred(() -> applyAllOnce(events, subscription))
                .onFailure(Failures::isTransient).invoke(f -> {
                    health.failed(first, f);
                    metrics.retried(subscription.name());
                    LOG.warnf("could not apply the batch from %s (%d records), retrying in place: %s", first.position(),
                            events.size(), FailureText.of(f));
                })
                .onFailure(Failures::isTransient).retry().withBackOff(FIRST_RETRY, LONGEST_RETRY).withJitter(0.2)
                .indefinitely()
                .eventually(() -> health.recovered(first))
                .onItemOrFailure().transformToUni((deliveries, failure) -> {
                    if (failure != null) {
                        LOG.infof("the batch from %s failed (%s): applying its %d records one at a time", first.position(),
                                FailureText.of(failure), events.size());
                        return oneByOne(messages, subscription);
                    }
                    deliveries.forEach(delivery -> metrics.handled(subscription.name(),
                            delivery.name().toLowerCase(java.util.Locale.ROOT)));
                    return Uni.createFrom().completionStage(batch.ack());
                });
    }

    private Uni<Void> oneByOne(List<KafkaRecord<String, String>> messages, Subscription subscription) {
        return Multi.createFrom().iterable(messages).onItem()
                .transformToUniAndConcatenate(message -> handle(message, subscription)).collect().last().replaceWithVoid();
    }

    /** Records the batch's events as processed in one statement, then applies the first deliveries in order. */
    private Uni<List<Delivery>> applyAllOnce(List<InboundEvent> events, Subscription subscription) {
        List<InboundEvent> handled = events.stream().filter(event -> event.known() || subscription.receivesUnknownTypes())
                .toList();
        return pool.withTransaction(tx -> processed.firstDeliveries(tx, subscription.name(), handled)
                .chain(first -> Multi.createFrom().iterable(events).onItem().transformToUniAndConcatenate(event -> {
                    if (!event.known() && !subscription.receivesUnknownTypes()) {
                        return unrecognised.keep(tx, subscription, event).replaceWith(Delivery.SKIPPED);
                    }
                    if (!first.remove(event.eventId())) {
                        return Uni.createFrom().item(Delivery.ALREADY_APPLIED);
                    }
                    logContext(event, subscription);
                    return opened(tx, event).chain(open -> subscription.apply(tx, open)).replaceWith(Delivery.APPLIED);
                }).collect().asList()));
    }

    /**
     * Applies one record through {@code subscription}.
     *
     * @param retryInPlace retry transient failures until they pass (live consumption); otherwise try
     *                     once and fail with the transient failure (a redrive reports it)
     * @return how the record was handled; fails with {@link Undeliverable} if it can never be applied
     */
    public Uni<Delivery> deliver(ReceivedRecord record, Subscription subscription, boolean retryInPlace) {
        return deliver(record, null, subscription, retryInPlace);
    }

    private Uni<Delivery> deliver(ReceivedRecord record, String consumerSpan, Subscription subscription,
            boolean retryInPlace) {
        InboundEvent event;
        try {
            event = reader.read(record).continuedIn(consumerSpan);
        } catch (Undeliverable unreadable) {
            return Uni.createFrom().failure(unreadable);
        }
        if (!event.known() && !subscription.receivesUnknownTypes()) {
            // kept when it arrives live; a redrive of what was kept leaves it where it is
            Uni<Delivery> skipped = Uni.createFrom().item(Delivery.SKIPPED);
            return retryInPlace ? Uni.createFrom().deferred(() -> pool.withTransaction(tx -> unrecognised.keep(tx,
                    subscription, event))).onFailure(Failures::isTransient).retry().withBackOff(FIRST_RETRY, LONGEST_RETRY)
                    .indefinitely().chain(() -> skipped) : skipped;
        }
        Uni<Delivery> attempt = Uni.createFrom().deferred(() -> applyOnce(event, subscription));
        if (retryInPlace) {
            attempt = attempt
                    .onFailure(f -> Failures.classify(f) != Kind.PERMANENT).invoke(f -> {
                        health.failed(record, f);
                        metrics.retried(subscription.name());
                        LOG.warnf("could not apply %s (%s), retrying in place: %s", record.position(), event.type(),
                                FailureText.of(f));
                    })
                    .onFailure(Failures::isTransient).retry().withBackOff(FIRST_RETRY, LONGEST_RETRY).withJitter(0.2)
                    .indefinitely()
                    .onFailure(Failures::isUnexpected).retry().withBackOff(FIRST_RETRY, LONGEST_RETRY)
                    .atMost(UNEXPECTED_RETRIES)
                    .eventually(() -> health.recovered(record));
        }
        return attempt.onFailure(f -> retryInPlace || !Failures.isTransient(f)).transform(InboundEvents::undeliverable);
    }

    private Uni<Delivery> applyOnce(InboundEvent event, Subscription subscription) {
        return pool.withTransaction(tx -> applyIn(tx, event, subscription));
    }

    /** Records the event as processed by the subscription and, the first time only, applies it, in {@code tx}. */
    private Uni<Delivery> applyIn(SqlClient tx, InboundEvent event, Subscription subscription) {
        logContext(event, subscription);
        return processed.firstDelivery(tx, subscription.name(), event.eventId(), event.topic())
                .chain(first -> first ? opened(tx, event).chain(open -> subscription.apply(tx, open))
                        .replaceWith(Delivery.APPLIED) : Uni.createFrom().item(Delivery.ALREADY_APPLIED));
    }

    /**
     * The event with its sealed free text opened under the person's data key (left out once they were erased), for a
     * service that has the keys; a service without them (reporting) applies it as it came.
     */
    private Uni<InboundEvent> opened(SqlClient tx, InboundEvent event) {
        if (!PersonalTextSealing.hasSealedText(event.event()) || !dataKeys.isResolvable()) {
            return Uni.createFrom().item(event);
        }
        UUID petitionId = PlatformEvents.petitionIdOf(event.event()).orElse(event.aggregateId());
        return dataKeys.get().keyOf(tx, petitionId)
                .map(key -> event.withEvent(PersonalTextSealing.opened(event.event(), key, petitionId)));
    }

    private static void logContext(InboundEvent event, Subscription subscription) {
        MDC.put("subscription", subscription.name());
        MDC.put("eventId", String.valueOf(event.eventId()));
        MDC.put("aggregateId", String.valueOf(event.aggregateId()));
        if (event.correlationId() != null) {
            MDC.put(RequestLogContext.CORRELATION_ID, event.correlationId().toString());
        }
    }

    private static Throwable undeliverable(Throwable failure) {
        if (failure instanceof Undeliverable) {
            return failure;
        }
        if (failure instanceof CommandRejected) {
            return new Undeliverable(Reason.REJECTED, failure.getMessage(), failure);
        }
        if (Failures.classify(failure) == Kind.PERMANENT) {
            return new Undeliverable(Reason.INVALID, failure.getMessage(), failure);
        }
        return new Undeliverable(Reason.FAILED, failure.getClass().getSimpleName() + ": " + failure.getMessage(), failure);
    }

    private static Metadata deadLetterHeaders(Throwable failure, Subscription subscription) {
        Reason reason = failure instanceof Undeliverable u ? u.reason() : Reason.FAILED;
        RecordHeaders headers = new RecordHeaders();
        headers.add(DEAD_LETTER_KIND, reason.name().getBytes(StandardCharsets.UTF_8));
        headers.add(DEAD_LETTER_SUBSCRIPTION, subscription.name().getBytes(StandardCharsets.UTF_8));
        return Metadata.of(OutgoingKafkaRecordMetadata.builder().withHeaders(headers).build());
    }
}
