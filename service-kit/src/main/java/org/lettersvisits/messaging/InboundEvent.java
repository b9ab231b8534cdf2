package org.lettersvisits.messaging;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.lettersvisits.eventstore.EventMetadata;

/**
 * An incoming event, read from its CloudEvent envelope: its id, versioned type, the service that sent
 * it, the aggregate and the aggregate's version after it (null for records published before versions
 * travelled), who caused it, when, the correlation id of the request that started it all (null for
 * records published before it travelled), the span it continues (the consumer's span, else the
 * producer's from the record's {@code traceparent}; null when untraced), and the decoded event, which
 * is null for a type this service does not know (yet).
 */
public record InboundEvent(UUID eventId, String type, String source, UUID aggregateId, Integer version, String actor,
        OffsetDateTime at, UUID correlationId, String traceParent, Object event, ReceivedRecord record) {

    /** Whether this service knows the event's type (and so {@link #event()} is set). */
    public boolean known() {
        return event != null;
    }

    public String topic() {
        return record.topic();
    }

    /** The same event, continuing the trace at {@code span} (the consumer's span) when there is one. */
    public InboundEvent continuedIn(String span) {
        return span == null ? this
                : new InboundEvent(eventId, type, source, aggregateId, version, actor, at, correlationId, span, event,
                        record);
    }

    /** The same record carrying {@code opened} as its event (its free text opened). */
    public InboundEvent withEvent(Object opened) {
        return new InboundEvent(eventId, type, source, aggregateId, version, actor, at, correlationId, traceParent, opened,
                record);
    }

    /** Metadata for an event written because this one arrived: same actor, correlation id and trace. */
    public EventMetadata asCause() {
        return EventMetadata.causedBy(eventId, actor, correlationId, traceParent);
    }
}
