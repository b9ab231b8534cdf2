package org.lettersvisits.petition.registering;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lettersvisits.contracts.EventCodec;
import org.lettersvisits.eventstore.CommandRejected;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;

/**
 * {@code Idempotency-Key} for registrations: the first result is stored with a hash of the request
 * in the registering transaction; a retry with the same key and body gets that result and writes
 * nothing; the same key with another body is refused (422).
 */
@ApplicationScoped
public class IdempotentRegistrations {

    /** The result stored for {@code key}, or null; fails if the key was used for another request. */
    public Uni<RegistrationResult> previous(SqlClient client, String key, String requestHash) {
        return client.preparedQuery("SELECT request_hash, response::text AS response FROM idempotent_request WHERE idempotency_key = $1")
                .execute(Tuple.of(key))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    var row = rows.iterator().next();
                    if (!row.getString("request_hash").equals(requestHash)) {
                        throw new CommandRejected(CommandRejected.Reason.UNPROCESSABLE,
                                "Idempotency-Key " + key + " was already used for a different request");
                    }
                    return new JsonObject(row.getString("response")).mapTo(RegistrationResult.class);
                });
    }

    public Uni<Void> remember(SqlClient transaction, String key, String requestHash, RegistrationResult result) {
        return transaction.preparedQuery("""
                INSERT INTO idempotent_request (idempotency_key, request_hash, petition_id, response)
                VALUES ($1, $2, $3, $4)""")
                .execute(Tuple.of(key, requestHash, result.id(), JsonObject.mapFrom(result)))
                .replaceWithVoid();
    }

    /** Whether a failure is another request with the same key committing first. */
    /**
     * Forgets the keys that registered {@code petitionId}: their request hash covers the petitioner's
     * data, so an erasure deletes it (a retry with such a key then registers anew).
     */
    public Uni<Void> forget(SqlClient transaction, UUID petitionId) {
        return transaction.preparedQuery("DELETE FROM idempotent_request WHERE petition_id = $1")
                .execute(Tuple.of(petitionId)).replaceWithVoid();
    }

    public boolean isSameKeyCommittedFirst(Throwable failure) {
        return failure instanceof PgException pg && "23505".equals(pg.getSqlState())
                && pg.getConstraint() != null && pg.getConstraint().startsWith("idempotent_request");
    }

    /** A hash of the request as parsed, so formatting differences do not count as another body. */
    public static String hash(PetitionRequest request) {
        try {
            byte[] canonical = EventCodec.JSON.writeValueAsBytes(request);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash the request", e);
        }
    }
}
