package org.lettersvisits.petition.erasure;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lettersvisits.contracts.Topics;
import org.lettersvisits.contracts.EventCodec;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The erasure ledger: every erasure, appended to the Kafka topic {@value #TOPIC} (kept for ever, key = petition id),
 * outside the database and its backups, so that a restore of an older backup can apply again every erasure made
 * since ({@link ErasureLedgerReplay}). An entry says which petition, when, by whom (the administrator's user name)
 * and on what legal ground, and nothing of the person, not even the free-text reason. It is written through the
 * service's transactional outbox in the erasure's own transaction: it reaches the topic if and only if the erasure
 * committed.
 */
@ApplicationScoped
public class ErasureLedger {

    /** The ledger's topic. */
    public static final String TOPIC = Topics.ERASURE_LEDGER;
    /** The CloudEvent type of an entry. */
    public static final String TYPE = "petition.petitioner-erasure-recorded.v1";

    /** One erasure; {@code erasureEventId} is the {@code PetitionerErased} event it recorded. */
    public record Entry(UUID petitionId, UUID erasureEventId, String erasedBy, Instant erasedAt, LegalGround legalGround) {
    }

    /** Queues {@code entry} for the ledger in {@code transaction} (the erasure's). */
    public Uni<Void> append(SqlClient transaction, Entry entry) {
        return transaction.preparedQuery("""
                INSERT INTO outbox (event_id, topic, record_key, type, payload, subject, actor, recorded_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8)""")
                .execute(Tuple.tuple(java.util.List.of(UUID.randomUUID(), TOPIC, entry.petitionId().toString(), TYPE,
                        new JsonObject(write(entry)), "petition/" + entry.petitionId(), entry.erasedBy()))
                        .addOffsetDateTime(entry.erasedAt().atOffset(ZoneOffset.UTC)))
                .replaceWithVoid();
    }

    static String write(Entry entry) {
        try {
            return EventCodec.JSON.writeValueAsString(entry);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an erasure ledger entry", e);
        }
    }

    /** An entry as read back from the topic. */
    public static Entry read(String json) {
        try {
            return EventCodec.JSON.readValue(json, Entry.class);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not an erasure ledger entry: " + e.getMessage(), e);
        }
    }
}
