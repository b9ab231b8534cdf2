package org.lettersvisits.eventstore;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Moves an aggregate's published history onto a new topic version once: the first instance to start
 * with the new topic records it in {@code topic_republication} and, in the same transaction, queues every
 * stored event for it ({@link EventStore#republishAll}); the relay then publishes them. Instances started
 * later, or again, find the row and do nothing.
 */
@ApplicationScoped
public class Republication {

    @Inject
    Pool pool;

    @Inject
    EventStore store;

    /** Republishes onto {@code publishing}'s topic unless done before; how many events it queued (0 if done before). */
    public <E> Uni<Integer> onceOnto(String aggregateType, Class<E> eventType, Publishing<? super E> publishing,
            List<String> retired) {
        return pool.withTransaction(tx -> tx.preparedQuery("""
                INSERT INTO topic_republication (topic, queued_events) VALUES ($1, 0)
                ON CONFLICT (topic) DO NOTHING RETURNING topic""")
                .execute(Tuple.of(publishing.topic()))
                .chain(claimed -> claimed.rowCount() == 0 ? Uni.createFrom().item(0)
                        : store.republishAll(tx, aggregateType, eventType, publishing, retired)
                                .call(queued -> tx.preparedQuery("UPDATE topic_republication SET queued_events = $2 WHERE topic = $1")
                                        .execute(Tuple.of(publishing.topic(), queued)))));
    }
}
