package org.lettersvisits.eventstore;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An event as read back from the store: the decoded record with its version and metadata. */
public record StoredEvent<E>(UUID eventId, UUID aggregateId, int version, String type, E event,
        EventMetadata metadata, OffsetDateTime recordedAt) {
}
