package org.lettersvisits.messaging;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * What a service does with the events of some topics. The bean's {@code @Incoming} method for each
 * channel hands its messages to {@link InboundEvents#handle}; a redrive of the dead-letter topic finds
 * the subscription by the topics of those channels and hands it the same records again.
 */
public interface Subscription {

    /**
     * The subscription's stable name, recorded with every event it applied ({@code processed_event}):
     * each subscription applies each event once, whatever other subscriptions of the service did with
     * it. Never rename one: a new name would see every event again.
     */
    String name();

    /**
     * Applies one event in the transaction that records it as processed; a failure rolls both back.
     * Fail with {@link org.lettersvisits.eventstore.CommandRejected} or {@link Undeliverable} for what can
     * never succeed; anything transient is retried in place.
     */
    Uni<Void> apply(SqlClient transaction, InboundEvent event);

    /**
     * Whether events of types this service does not know are handed to {@link #apply} (reporting keeps
     * them for a later rebuild); otherwise they are acknowledged and skipped.
     */
    default boolean receivesUnknownTypes() {
        return false;
    }
}
