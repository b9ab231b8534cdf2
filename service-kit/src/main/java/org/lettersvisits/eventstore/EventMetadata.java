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
}
