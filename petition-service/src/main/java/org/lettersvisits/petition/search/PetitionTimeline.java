package org.lettersvisits.petition.search;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lettersvisits.contracts.assignment.CaseEvent;
import org.lettersvisits.contracts.followup.ReturnVisitEvent;
import org.lettersvisits.contracts.registry.PersonalTexts;
import org.lettersvisits.eventstore.StoredEvent;
import org.lettersvisits.messaging.InboundEvent;
import org.lettersvisits.petition.domain.PetitionEvent;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** Adds to a petition's timeline: its own events and what other services report about it (its case, its return visits). */
@ApplicationScoped
public class PetitionTimeline {

    /** The entry of one of the petition's own events. */
    public Uni<Void> add(SqlClient tx, StoredEvent<PetitionEvent> stored) {
        PetitionEvent event = stored.event();
        return add(tx, stored.eventId(), stored.aggregateId(), event.getClass(), event.accept(PetitionFacts.INSTANCE),
                stored.recordedAt(), stored.metadata().actor());
    }

    /** The entry of an event of the petition's case (the case's id is the petition's). */
    public Uni<Void> add(SqlClient tx, InboundEvent inbound, CaseEvent event) {
        return add(tx, inbound.eventId(), event.caseId(), event.getClass(), event.accept(CaseFacts.INSTANCE), inbound.at(),
                inbound.actor());
    }

    /** The entry of an event of one of the petition's return visits. */
    public Uni<Void> add(SqlClient tx, InboundEvent inbound, ReturnVisitEvent event) {
        return add(tx, inbound.eventId(), event.caseId(), event.getClass(), event.accept(ReturnVisitFacts.INSTANCE),
                inbound.at(), inbound.actor());
    }

    /** One entry, once per event id, under its event's type name ({@link TimelineTypes}). */
    private Uni<Void> add(SqlClient tx, UUID eventId, UUID petitionId, Class<?> eventClass, TimelineFacts facts,
            OffsetDateTime at, String actor) {
        // a line about a petitioner already erased keeps no free text about them (a resolution written afterwards)
        return tx.preparedQuery("""
                INSERT INTO timeline_entry (event_id, petition_id, type, at, actor, detail, facts)
                SELECT $1, $2, $3, $4, $5, CASE WHEN erased AND $7::jsonb ?| $8::text[] THEN NULL ELSE $6 END,
                       CASE WHEN erased THEN $7::jsonb - $8::text[] ELSE $7::jsonb END
                FROM (SELECT EXISTS (SELECT 1 FROM petition_view WHERE id = $2 AND petitioner_erased) AS erased) p
                ON CONFLICT (event_id) DO NOTHING""")
                .execute(Tuple.from(Arrays.asList(eventId, petitionId, TimelineTypes.of(eventClass), at, actor,
                        facts.describe(), new JsonObject(facts.byName()), PersonalTexts.FIELDS.toArray(String[]::new))))
                .replaceWithVoid();
    }
}
