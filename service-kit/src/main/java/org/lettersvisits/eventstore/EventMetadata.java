package org.lettersvisits.eventstore;

import java.util.UUID;

import org.jboss.logging.MDC;
import org.lettersvisits.observability.RequestLogContext;
import org.lettersvisits.observability.TraceParent;

/**
 * Who caused an event and in answer to what: the actor is the token's user name; the correlation
 * id ties together everything one request started, across services (it travels with every event as
 * the CloudEvent extension {@code correlationid}); the causation id names the event (if any) that
 * caused this one; the trace parent is the span that caused it (W3C {@code traceparent}, null when
 * nothing was traced), which the outbox stores so the relay continues that trace when it publishes.
 */
public record EventMetadata(String actor, UUID correlationId, UUID causationId, String traceParent) {

    /** Metadata as the event table keeps it (the trace parent only travels through the outbox). */
    public EventMetadata(String actor, UUID correlationId, UUID causationId) {
        this(actor, correlationId, causationId, null);
    }

    /** Metadata for a command coming straight from a user's request: its correlation id and span. */
    public static EventMetadata ofRequest(String actor) {
        return new EventMetadata(actor, requestCorrelationId(), null, TraceParent.current());
    }

    /** Metadata for work the service does by itself, such as the overdue watcher. */
    public static EventMetadata ofSystem(String component) {
        return new EventMetadata("system:" + component, UUID.randomUUID(), null, TraceParent.current());
    }

    /** Metadata for an event written because another event arrived: same correlation id and trace. */
    public static EventMetadata causedBy(UUID eventId, String actor, UUID correlationId, String traceParent) {
        return new EventMetadata(actor, correlationId == null ? UUID.randomUUID() : correlationId, eventId,
                traceParent);
    }

    /** The correlation id {@link RequestLogContext} gave the request being served, else a new one. */
    private static UUID requestCorrelationId() {
        Object id = MDC.get(RequestLogContext.CORRELATION_ID);
        if (id != null) {
            try {
                return UUID.fromString(id.toString());
            } catch (IllegalArgumentException notOurs) {
                // fall through: a new id
            }
        }
        return UUID.randomUUID();
    }
}
