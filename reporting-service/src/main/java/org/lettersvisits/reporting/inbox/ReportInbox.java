package org.lettersvisits.reporting.inbox;

import java.util.Arrays;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.lettersvisits.contracts.Topics;
import org.lettersvisits.contracts.petition.PersonalDataErased;
import org.lettersvisits.contracts.EventCodec;
import org.lettersvisits.contracts.registry.PersonalTexts;
import org.lettersvisits.messaging.InboundEvent;
import org.lettersvisits.messaging.InboundEvents;
import org.lettersvisits.messaging.Subscription;
import org.lettersvisits.reporting.projection.Generations;
import org.lettersvisits.reporting.projection.ReportProjector;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Receives the events of all three topics: each record is kept in {@code report_event} as received but
 * without the free text written about a petitioner (the log a rebuild replays, also for types this version does not know yet) and, if its type
 * is known, applied to the live generation of the read models, in one transaction, once.
 */
@ApplicationScoped
public class ReportInbox implements Subscription {

    private static final String[] PERSONAL_TEXTS = PersonalTexts.FIELDS.toArray(String[]::new);

    private final InboundEvents inbound;
    private final Generations generations;
    private final ReportProjector projector;

    ReportInbox(InboundEvents inbound, Generations generations, ReportProjector projector) {
        this.inbound = inbound;
        this.generations = generations;
        this.projector = projector;
    }

    @Incoming(Topics.PETITION_EVENTS_CHANNEL)
    public Uni<Void> petitionEvents(KafkaRecordBatch<String, String> batch) {
        return inbound.handleBatch(batch, this);
    }

    @Incoming(Topics.ASSIGNMENT_EVENTS_CHANNEL)
    public Uni<Void> assignmentEvents(KafkaRecordBatch<String, String> batch) {
        return inbound.handleBatch(batch, this);
    }

    @Incoming(Topics.FOLLOWUP_EVENTS_CHANNEL)
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
                .call(generation -> withoutPersonalText(tx, event))
                .chain(generation -> event.known() ? projector.apply(tx, generation, event.event(), event.version())
                        : Uni.createFrom().voidItem());
    }

    /**
     * Keeps the record as received, but without the free text written by or about the petitioner ({@link PersonalTexts}):
     * the reports count, they never show it, so no copy is kept here (it arrives sealed under a key reporting does not
     * have, or in clear from before sealing).
     */
    private static Uni<Void> keep(SqlClient tx, InboundEvent event) {
        return tx.preparedQuery("""
                INSERT INTO report_event (event_id, topic, type, source, body, headers, aggregate_id, aggregate_version,
                                          actor, at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (event_id) DO NOTHING""")
                .execute(Tuple.from(Arrays.asList(event.eventId(), event.topic(), event.type(), event.source(),
                        withoutFreeText(event.record().value()), new JsonObject(new java.util.LinkedHashMap<String, Object>(
                                event.record().headers())), event.aggregateId(), event.version(), event.actor(), event.at())))
                .replaceWithVoid();
    }

    /** A record's value without the free-text fields; a value that is no JSON object is kept as it came. */
    static String withoutFreeText(String value) {
        if (value == null) {
            return null;
        }
        try {
            if (EventCodec.JSON.readTree(value) instanceof ObjectNode body) {
                body.remove(PersonalTexts.FIELDS);
                return body.toString();
            }
        } catch (java.io.IOException notJson) {
            // kept as it came: nothing here reads it as fields
        }
        return value;
    }

    /**
     * The records kept of a petition whose petitioner was erased hold none of the free text written by or about them
     * ({@link PersonalTexts}): an erasure scrubs every record of the petition, its case and its return visits kept so
     * far; a record of such a petition that arrives afterwards is kept without it ({@link #keep}). What the reports count
     * is not in those fields, so a rebuild counts the same.
     */
    private static Uni<Void> withoutPersonalText(SqlClient tx, InboundEvent event) {
        if (!(event.known() && event.event() instanceof PersonalDataErased erased)) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery("INSERT INTO erased_petition (id) VALUES ($1) ON CONFLICT DO NOTHING")
                .execute(Tuple.of(erased.petitionId()))
                .chain(() -> tx.preparedQuery("""
                        UPDATE report_event SET body = (body::jsonb - $2::text[])::text
                        WHERE aggregate_id = $1 OR body::jsonb ->> 'caseId' = $1::text
                           OR body::jsonb ->> 'petitionId' = $1::text""")
                        .execute(Tuple.of(erased.petitionId(), PERSONAL_TEXTS)))
                .replaceWithVoid();
    }
}
