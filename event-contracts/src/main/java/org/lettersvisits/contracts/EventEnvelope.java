package org.lettersvisits.contracts;

/**
 * How an event travels on Kafka: a CloudEvent in binary mode, so its attributes are record headers
 * named {@code ce_<attribute>} and the value is the event's JSON. Besides the standard attributes
 * (id, type, source, subject, time) every event carries the extensions below, so a consumer knows
 * which aggregate it belongs to and at which version without decoding the payload.
 */
public final class EventEnvelope {

    /** Prefix of every CloudEvent attribute header in binary mode. */
    public static final String HEADER_PREFIX = "ce_";

    public static final String ID = "id";
    public static final String TYPE = "type";
    public static final String SOURCE = "source";
    public static final String SUBJECT = "subject";
    public static final String TIME = "time";
    public static final String SPEC_VERSION = "specversion";

    /** Extension: the id of the aggregate the event belongs to (= the record key). */
    public static final String AGGREGATE_ID = "aggregateid";
    /** Extension: the aggregate's version after this event (1 for its first event), for newest-wins projections. */
    public static final String AGGREGATE_VERSION = "aggregateversion";
    /** Extension: who caused the event (a user name, or {@code system:<component>}). */
    public static final String ACTOR = "actor";
    /**
     * Extension: the correlation id of the request that started the chain of events this one belongs to
     * (a registration, an assignment...), the same in every service the chain reaches.
     */
    public static final String CORRELATION_ID = "correlationid";

    private EventEnvelope() {
    }

    /** The record header that carries {@code attribute}, e.g. {@code ce_aggregateversion}. */
    public static String header(String attribute) {
        return HEADER_PREFIX + attribute;
    }
}
