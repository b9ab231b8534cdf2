package org.lettersvisits.eventstore;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.inject.Qualifier;

/**
 * The pool that connects as the schema's owner (the role Flyway migrates with), for the start-up passes that rewrite
 * stored events on purpose (sealing text stored in clear before sealing existed): the service's own role may only add
 * to the event log. See {@link SchemaOwnerPool}.
 */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE })
public @interface SchemaOwner {
}
