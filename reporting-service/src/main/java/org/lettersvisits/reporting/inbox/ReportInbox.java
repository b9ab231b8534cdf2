package org.lettersvisits.reporting.inbox;

import java.util.Arrays;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.lettersvisits.contracts.Topics;
import org.lettersvisits.messaging.InboundEvent;
import org.lettersvisits.messaging.InboundEvents;
import org.lettersvisits.messaging.Subscription;
import org.lettersvisits.reporting.projection.Generations;
import org.lettersvisits.reporting.projection.ReportProjector;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Receives the events of all three topics: each record is kept in {@code report_event} exactly as
 * received (the log a rebuild replays, also for types this version does not know yet) and, if its type
 * is known, applied to the live generation of the read models, in one transaction, once.
 */
@ApplicationScoped
public class ReportInbox implements Subscription {

    @Inject
    InboundEvents inbound;

    @Inject
    Generations generations;

    @Inject
    ReportProjector projector;

    @Incoming(Topics.PETITION_EVENTS_CHANNEL)
    public Uni<Void> petitionEvents(KafkaRecordBatch<String, String> batch) {
        return inbound.handleBatch(batch, this);
    }

    @Incoming(Topics.ASSIGNMENT_EVENTS)
    public Uni<Void> assignmentEvents(KafkaRecordBatch<String, String> batch) {
        return inbound.handleBatch(batch, this);
    }

    @Incoming(Topics.FOLLOWUP_EVENTS)
    public Uni<Void> followupEvents(KafkaRecordBatch<String, String> batch) {
        return inbound.handleBatch(batch, this);
    }

    @Override
    public String name() {
        return "report-inbox";
    }

    @Override
    public boolean receivesUnknownTypes() {
        return true;
    }

    @Override
    public Uni<Void> apply(SqlClient tx, InboundEvent event) {
        return generations.liveGeneration(tx)
                .call(generation -> keep(tx, event))
                .chain(generation -> event.known() ? projector.apply(tx, generation, event.event(), event.version())
                        : Uni.createFrom().voidItem());
    }

    private static Uni<Void> keep(SqlClient tx, InboundEvent event) {
        return tx.preparedQuery("""
                INSERT INTO report_event (event_id, topic, type, source, body, headers, aggregate_id, aggregate_version,
                                          actor, at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (event_id) DO NOTHING""")
                .execute(Tuple.from(Arrays.asList(event.eventId(), event.topic(), event.type(), event.source(),
                        event.record().value(), new JsonObject(new java.util.LinkedHashMap<String, Object>(
                                event.record().headers())), event.aggregateId(), event.version(), event.actor(), event.at())))
                .replaceWithVoid();
    }
}
