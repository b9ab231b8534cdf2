package org.lettersvisits.messaging;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.lettersvisits.contracts.EventCodec;

/**
 * The one codec of a service: the event store, the consumers and reporting's rebuild decode with the
 * same instance, so an upcaster registered on it applies everywhere.
 */
public class EventCodecs {

    @Produces
    @Singleton
    EventCodec platformCodec() {
        return EventCodec.platform();
    }
}
