package org.lettersvisits.messaging;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An incoming event, read from its CloudEvent envelope: its id, versioned type, the service that sent
 * it, the aggregate and the aggregate's version after it (null for records published before versions
 * travelled), who caused it, when, and the decoded event, which is null for a type this service does
 * not know (yet).
 */
public record InboundEvent(UUID eventId, String type, String source, UUID aggregateId, Integer version, String actor,
        OffsetDateTime at, Object event, ReceivedRecord record) {

    /** Whether this service knows the event's type (and so {@link #event()} is set). */
    public boolean known() {
        return event != null;
    }

    public String topic() {
        return record.topic();
    }
}
