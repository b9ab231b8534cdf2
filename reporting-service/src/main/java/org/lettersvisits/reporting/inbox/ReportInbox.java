package org.lettersvisits.reporting.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.lettersvisits.contracts.EventCodec;
import org.lettersvisits.eventstore.InboundEvents;
import org.lettersvisits.eventstore.InboundEvents.Inbound;
import org.lettersvisits.reporting.projection.Generations;
import org.lettersvisits.reporting.projection.ReportProjector;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Receives the events of all three topics: each is kept in {@code report_event} (the log a rebuild
 * replays) and applied to the live generation of the read models, in one transaction, once.
 */
@ApplicationScoped
public class ReportInbox {

    @Inject
    InboundEvents inbound;

    @Inject
    Generations generations;

    @Inject
    ReportProjector projector;

    @Incoming("petition-events")
    public Uni<Void> petitionEvents(Message<String> message) {
        return receive(message);
    }

    @Incoming("assignment-events")
    public Uni<Void> assignmentEvents(Message<String> message) {
        return receive(message);
    }

    @Incoming("followup-events")
    public Uni<Void> followupEvents(Message<String> message) {
        return receive(message);
    }

    private Uni<Void> receive(Message<String> message) {
        return inbound.handle(message, (tx, event) -> generations.liveGeneration(tx)
                .call(generation -> keep(tx, message, event))
                .chain(generation -> projector.apply(tx, generation, event.event())));
    }

    private static Uni<Void> keep(SqlClient tx, Message<String> message, Inbound event) {
        String topic = message.getMetadata(io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata.class)
                .map(m -> m.getTopic()).orElse("unknown");
        return tx.preparedQuery("""
                INSERT INTO report_event (event_id, topic, type, payload, actor, at)
                VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (event_id) DO NOTHING""")
                .execute(Tuple.of(event.eventId(), topic, event.type(), payload(event.event()), event.actor(), event.at()))
                .replaceWithVoid();
    }

    private static JsonObject payload(Object event) {
        try {
            return new JsonObject(EventCodec.JSON.writeValueAsString(event));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot keep " + event, e);
        }
    }
}
