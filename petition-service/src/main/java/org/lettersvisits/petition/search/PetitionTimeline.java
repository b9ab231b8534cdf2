package org.lettersvisits.petition.search;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lettersvisits.messaging.InboundEvent;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** Adds to a petition's timeline: its own events and what other services report about it (its case, its return visits). */
@ApplicationScoped
public class PetitionTimeline {

    public Uni<Void> add(SqlClient tx, InboundEvent inbound, UUID petitionId) {
        return add(tx, inbound.eventId(), petitionId, inbound.event(), inbound.at(), inbound.actor());
    }

    /** One entry, once per event id; its facts come from {@link TimelineFacts}. */
    public Uni<Void> add(SqlClient tx, UUID eventId, UUID petitionId, Object event, OffsetDateTime at, String actor) {
        Map<String, Object> facts = TimelineFacts.of(event);
        return tx.preparedQuery("""
                INSERT INTO timeline_entry (event_id, petition_id, type, at, actor, detail, facts)
                VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (event_id) DO NOTHING""")
                .execute(Tuple.from(Arrays.asList(eventId, petitionId, event.getClass().getSimpleName(), at, actor,
                        TimelineFacts.describe(facts), new JsonObject(facts))))
                .replaceWithVoid();
    }
}
