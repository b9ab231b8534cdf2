package org.lettersvisits.eventstore;

import java.util.UUID;

/**
 * Who caused an event and in answer to what: the actor is the token's user name; the correlation
 * id ties together everything one request started; the causation id names the event (if any) that
 * caused this one.
 */
public record EventMetadata(String actor, UUID correlationId, UUID causationId) {

    /** Metadata for a command coming straight from a user's request. */
    public static EventMetadata ofRequest(String actor) {
        return new EventMetadata(actor, UUID.randomUUID(), null);
    }

    /** Metadata for work the service does by itself, such as the overdue watcher. */
    public static EventMetadata ofSystem(String component) {
        return new EventMetadata("system:" + component, UUID.randomUUID(), null);
    }

    /** Metadata for an event written because another event arrived. */
    public static EventMetadata causedBy(UUID eventId, String actor) {
        return new EventMetadata(actor, UUID.randomUUID(), eventId);
    }
}
