package org.lettersvisits.messaging;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.lettersvisits.contracts.Department;
import org.lettersvisits.contracts.EventCodec;
import org.lettersvisits.contracts.EventEnvelope;
import org.lettersvisits.contracts.Topics;
import org.lettersvisits.contracts.assignment.CaseAccepted;
import org.lettersvisits.contracts.registry.PlatformEvents;
import org.lettersvisits.kit.KitDatabase;
import org.lettersvisits.observability.TestMeters;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The consuming side of the kit wired as CDI would, and records shaped as the relay publishes them. */
final class Consumers {

    private static final EventCodec CODEC = PlatformEvents.codec();

    private Consumers() {
    }

    static InboundEvents inbound(KitDatabase db, StuckConsumers health, SimpleMeterRegistry registry) {
        EnvelopeReader reader = new EnvelopeReader();
        reader.codec = CODEC;
        UnrecognisedEvents unrecognised = new UnrecognisedEvents();
        unrecognised.pool = db.pool();
        unrecognised.registry = registry;
        InboundEvents inbound = new InboundEvents();
        inbound.pool = db.pool();
        inbound.processed = new ProcessedEvents();
        inbound.reader = reader;
        inbound.health = health;
        inbound.metrics = TestMeters.consumerMetrics(registry);
        inbound.unrecognised = unrecognised;
        unrecognised.inbound = inbound;
        return inbound;
    }

    /** A case accepted, as assignment-service's relay publishes it on assignment-events. */
    static ReceivedRecord caseAccepted(UUID eventId, UUID caseId, long offset) {
        return record(eventId, "case.accepted.v1", CODEC.encode(new CaseAccepted(caseId, Department.COURT,
                LocalDate.of(2026, 3, 2))).json(), caseId, offset);
    }

    /** A well-formed event of a type this version of the kit does not know (a newer producer's). */
    static ReceivedRecord unknownType(UUID eventId, UUID caseId, long offset) {
        return record(eventId, "case.escalated.v1", "{\"caseId\":\"" + caseId + "\",\"level\":\"province\"}", caseId,
                offset);
    }

    private static ReceivedRecord record(UUID eventId, String type, String json, UUID caseId, long offset) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(EventEnvelope.header(EventEnvelope.SPEC_VERSION), "1.0");
        headers.put(EventEnvelope.header(EventEnvelope.ID), eventId.toString());
        headers.put(EventEnvelope.header(EventEnvelope.TYPE), type);
        headers.put(EventEnvelope.header(EventEnvelope.SOURCE), "assignment-service");
        headers.put(EventEnvelope.header(EventEnvelope.AGGREGATE_ID), caseId.toString());
        return new ReceivedRecord(Topics.ASSIGNMENT_EVENTS, 0, offset, caseId.toString(), json, headers);
    }
}
