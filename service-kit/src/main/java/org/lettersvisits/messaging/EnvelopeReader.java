package org.lettersvisits.messaging;

import static org.lettersvisits.contracts.EventEnvelope.header;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.lettersvisits.contracts.registry.PlatformEvents;
import org.lettersvisits.contracts.EventCodec;
import org.lettersvisits.contracts.EventEnvelope;
import org.lettersvisits.contracts.Topics;
import org.lettersvisits.messaging.Undeliverable.Reason;
import org.lettersvisits.observability.TraceParent;

/**
 * Reads a record's CloudEvent envelope (binary mode: {@code ce_*} headers) and decodes its payload
 * with the platform's codec, upcasting old versions. Throws {@link Undeliverable} for a record that
 * can never be applied: no id or type, a source that does not own the topic, a payload that does not
 * fit its type, an aggregate id that contradicts the event, an event type another service owns (a {@code CaseTransferred}
 * on petition-service's topic grants nobody anything). A well-formed record of a type this
 * service does not know comes back with no event.
 */
@ApplicationScoped
public class EnvelopeReader {

    @Inject
    EventCodec codec;

    public InboundEvent read(ReceivedRecord record) {
        UUID eventId = uuid(record, EventEnvelope.ID).orElseThrow(
                () -> new Undeliverable(Reason.UNREADABLE, "not a CloudEvent of the platform: ce_id is missing"));
        String type = record.header(header(EventEnvelope.TYPE)).orElseThrow(
                () -> new Undeliverable(Reason.UNREADABLE, "not a CloudEvent of the platform: ce_type is missing"));
        String source = record.header(header(EventEnvelope.SOURCE)).orElse("");
        Optional<String> owner = Topics.ownerOf(record.topic());
        if (owner.isPresent() && !owner.get().equals(source)) {
            throw new Undeliverable(Reason.FORGED_SOURCE, "source '" + source + "' may not publish on " + record.topic()
                    + " (only " + owner.get() + " does)");
        }
        Optional<UUID> aggregateId = uuid(record, EventEnvelope.AGGREGATE_ID);
        Integer version = version(record);
        Object event = codec.knows(type) ? decode(type, record) : null;
        if (event != null) {
            UUID ownId = PlatformEvents.aggregateIdOf(event).orElseThrow(() -> new Undeliverable(Reason.INVALID,
                    type + " names no aggregate id"));
            if (aggregateId.isPresent() && !aggregateId.get().equals(ownId)) {
                throw new Undeliverable(Reason.INVALID, "ce_aggregateid " + aggregateId.get() + " contradicts the "
                        + type + " of aggregate " + ownId);
            }
            aggregateId = Optional.of(ownId);
            Optional<String> typeOwner = PlatformEvents.ownerOf(event);
            if (owner.isPresent() && typeOwner.isPresent() && !typeOwner.get().equals(owner.get())) {
                throw new Undeliverable(Reason.FOREIGN_TYPE, type + " is " + typeOwner.get() + "'s and travels only on its"
                        + " topic, never on " + record.topic());
            }
        }
        String actor = record.header(header(EventEnvelope.ACTOR)).orElse(source);
        return new InboundEvent(eventId, type, source, aggregateId.orElse(null), version, actor, time(record),
                uuid(record, EventEnvelope.CORRELATION_ID).orElse(null), record.header(TraceParent.HEADER).orElse(null),
                event, record);
    }

    private Object decode(String type, ReceivedRecord record) {
        if (record.value() == null) {
            throw new Undeliverable(Reason.UNREADABLE, type + " has no payload");
        }
        try {
            return codec.decode(type, record.value());
        } catch (IllegalArgumentException e) {
            throw new Undeliverable(Reason.UNREADABLE, e.getMessage(), e);
        }
    }

    private static Optional<UUID> uuid(ReceivedRecord record, String attribute) {
        Optional<String> text = record.header(header(attribute));
        try {
            return text.map(UUID::fromString);
        } catch (IllegalArgumentException e) {
            throw new Undeliverable(Reason.UNREADABLE, "ce_" + attribute + " is not a UUID: " + text.get());
        }
    }

    private static Integer version(ReceivedRecord record) {
        Optional<String> text = record.header(header(EventEnvelope.AGGREGATE_VERSION));
        try {
            Integer version = text.map(Integer::valueOf).orElse(null);
            if (version != null && version < 1) {
                throw new NumberFormatException("below 1");
            }
            return version;
        } catch (NumberFormatException e) {
            throw new Undeliverable(Reason.INVALID, "ce_aggregateversion is not a version: " + text.get());
        }
    }

    private static OffsetDateTime time(ReceivedRecord record) {
        try {
            return record.header(header(EventEnvelope.TIME)).map(OffsetDateTime::parse).orElseGet(OffsetDateTime::now);
        } catch (DateTimeParseException e) {
            return OffsetDateTime.now();
        }
    }
}
