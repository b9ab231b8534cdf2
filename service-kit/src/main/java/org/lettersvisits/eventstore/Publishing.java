package org.lettersvisits.eventstore;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * How an aggregate's events leave the service through the outbox: the topic, the Kafka record key of
 * each event, and the public event each internal one is published as (or none). The event store keeps
 * the internal event; only the public one is written to the outbox, so what a service keeps to itself
 * (personal data, free-text notes) never reaches Kafka.
 */
public record Publishing<E>(String topic, Function<? super E, UUID> recordKey,
        Function<? super E, Optional<?>> publicEvent) {

    /** Every event published as it is, keyed by its aggregate's id ({@code recordKey} null). */
    public static <E> Publishing<E> asIs(String topic) {
        return new Publishing<>(topic, null, Optional::of);
    }

    /** The same, keyed by {@code recordKey} of each event (the case id for every event of a case). */
    public Publishing<E> keyedBy(Function<? super E, UUID> key) {
        return new Publishing<>(topic, key, publicEvent);
    }

    /** The same, publishing what {@code publish} makes of each event (empty: not published). */
    public Publishing<E> publishedAs(Function<? super E, Optional<?>> publish) {
        return new Publishing<>(topic, recordKey, publish);
    }

    UUID keyOf(E event, UUID aggregateId) {
        return recordKey == null ? aggregateId : recordKey.apply(event);
    }
}
