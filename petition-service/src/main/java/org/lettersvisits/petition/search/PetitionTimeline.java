package org.lettersvisits.petition.search;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lettersvisits.eventstore.InboundEvents.Inbound;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** Adds what other services report about a petition (its case, its return visits) to its timeline. */
@ApplicationScoped
public class PetitionTimeline {

    public Uni<Void> add(SqlClient tx, Inbound inbound, UUID petitionId, String detail) {
        return tx.preparedQuery("""
                INSERT INTO timeline_entry (event_id, petition_id, type, at, actor, detail)
                VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (event_id) DO NOTHING""")
                .execute(Tuple.of(inbound.eventId(), petitionId, inbound.event().getClass().getSimpleName(), inbound.at(),
                        inbound.actor(), detail))
                .replaceWithVoid();
    }
}
