package org.lettersvisits.contracts;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The versioned type name an event travels under, e.g. {@code petition.registered.v1}: stored in
 * the event store, sent as the CloudEvent type, and used by consumers to decode the payload.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {
    String value();
}
