package org.lettersvisits.messaging;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.lettersvisits.contracts.registry.PlatformEvents;
import org.lettersvisits.contracts.EventCodec;

/**
 * The one codec of a service: the event store, the consumers and reporting's rebuild decode with the
 * same instance, so an upcaster registered on it applies everywhere. It reads every public event of the
 * platform; a service adds its own internal events with an {@link Internal} bean.
 */
public class EventCodecs {

    /** Adds a service's internal event classes (those it stores but never publishes as they are). */
    @FunctionalInterface
    public interface Internal {
        void addTo(EventCodec codec);
    }

    @Produces
    @Singleton
    EventCodec platformCodec(@Any Instance<Internal> internal) {
        EventCodec codec = PlatformEvents.codec();
        internal.forEach(events -> events.addTo(codec));
        return codec;
    }
}
