package org.lettersvisits.eventstore;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.lettersvisits.contracts.EventCodec;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * Applies an incoming CloudEvent exactly once: decodes it with the shared codec, and in one
 * transaction records its id as processed and runs the handler, so a redelivery changes nothing.
 * The message is acknowledged after the commit; a record that cannot be decoded or applied is
 * nacked, which the channel's {@code dead-letter-queue} failure strategy sends to the dead-letter
 * topic with the reason, and consumption goes on.
 */
@ApplicationScoped
public class InboundEvents {

    /** An incoming event, decoded. */
    public record Inbound(UUID eventId, String type, Object event, String actor, OffsetDateTime at) {
    }

    /** What a consumer does with one event, in the transaction that records it as processed. */
    @FunctionalInterface
    public interface Handler {
        Uni<Void> apply(SqlClient transaction, Inbound inbound);
    }

    private final EventCodec codec = EventCodec.platform();

    @Inject
    Pool pool;

    @Inject
    ProcessedEvents processed;

    public Uni<Void> handle(Message<String> message, Handler handler) {
        Inbound inbound;
        String topic;
        try {
            IncomingCloudEventMetadata<?> cloudEvent = message.getMetadata(IncomingCloudEventMetadata.class)
                    .orElseThrow(() -> new IllegalArgumentException("not a CloudEvent (no ce_id/ce_type headers)"));
            topic = message.getMetadata(IncomingKafkaRecordMetadata.class).map(IncomingKafkaRecordMetadata::getTopic)
                    .orElse("unknown");
            UUID eventId = UUID.fromString(cloudEvent.getId());
            Object actor = cloudEvent.getExtension("actor").orElse(null);
            inbound = new Inbound(eventId, cloudEvent.getType(), codec.decode(cloudEvent.getType(), message.getPayload()),
                    actor != null ? actor.toString() : String.valueOf(cloudEvent.getSource()),
                    cloudEvent.getTimeStamp().map(ZonedDateTime::toOffsetDateTime).orElse(OffsetDateTime.now()));
        } catch (RuntimeException unreadable) {
            return Uni.createFrom().completionStage(message.nack(unreadable));
        }
        return pool.withTransaction(tx -> processed.firstDelivery(tx, inbound.eventId(), topic)
                .chain(first -> first ? handler.apply(tx, inbound) : Uni.createFrom().voidItem()))
                .onItemOrFailure().transformToUni((done, failure) -> failure == null
                        ? Uni.createFrom().completionStage(message.ack())
                        : Uni.createFrom().completionStage(message.nack(failure)));
    }
}
