package org.lettersvisits.petition.privacy;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lettersvisits.contracts.EventCodec;
import org.lettersvisits.eventstore.SchemaOwner;
import org.lettersvisits.petition.domain.PetitionRegistered;
import org.lettersvisits.petition.domain.Petitioner;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Seals the petitioners that registrations stored in clear before crypto-shredding
 * ({@code petition.registered.v1}): each gets a data key and its row is rewritten as
 * {@code petition.registered-sealed.v1}, everything else in the event unchanged. Runs at start-up
 * ({@code StartupMigrations}), in batches locked with SKIP LOCKED so replicas share the work; a second
 * run finds nothing to do.
 */
@ApplicationScoped
public class SealingMigration {

    static final String CLEAR_TYPE = "petition.registered.v1";
    private static final int BATCH = 200;

    private final Pool pool;
    private final PetitionerKeys keys;
    private final KeyCheckAtStart keyCheck;

    SealingMigration(@SchemaOwner Pool pool, PetitionerKeys keys, KeyCheckAtStart keyCheck) {
        this.pool = pool;
        this.keys = keys;
        this.keyCheck = keyCheck;
    }

    /** Seals every registration still stored in clear, once the key-encryption keys passed their check; how many it sealed. */
    public Uni<Integer> sealAll() {
        return keyCheck.passed().chain(this::sealRemaining);
    }

    private Uni<Integer> sealRemaining() {
        return sealBatch().chain(count -> count == 0 ? Uni.createFrom().item(0)
                : sealRemaining().map(rest -> rest + count));
    }

    private Uni<Integer> sealBatch() {
        return pool.withTransaction(tx -> tx.preparedQuery("""
                SELECT position, aggregate_id, payload::text AS payload FROM event
                WHERE type = $1 ORDER BY position LIMIT $2 FOR UPDATE SKIP LOCKED""")
                .execute(Tuple.of(CLEAR_TYPE, BATCH))
                .chain(rows -> Multi.createFrom().iterable(rows).onItem().transformToUniAndConcatenate(row -> seal(tx, row))
                        .collect().asList().map(done -> rows.rowCount())));
    }

    private Uni<Void> seal(SqlClient tx, Row row) {
        UUID petitionId = row.getUUID("aggregate_id");
        ObjectNode payload;
        Petitioner petitioner;
        try {
            payload = (ObjectNode) EventCodec.JSON.readTree(row.getString("payload"));
            petitioner = EventCodec.JSON.treeToValue(payload.get("petitioner"), Petitioner.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("registration at position " + row.getLong("position") + " does not read", e);
        }
        return keys.create(tx, petitionId).chain(key -> {
            var sealed = PetitionerCipher.seal(petitioner, key.orElseThrow(
                    () -> new IllegalStateException("petition " + petitionId + " already has a data key")), petitionId);
            payload.set("petitioner", EventCodec.JSON.valueToTree(sealed));
            // a rewrite on purpose: the stream's hash chain is made again over the sealed content
            return tx.preparedQuery("UPDATE event SET type = $2, payload = $3 WHERE position = $1")
                    .execute(Tuple.of(row.getLong("position"), EventCodec.typeOf(PetitionRegistered.class),
                            new JsonObject(payload.toString())))
                    .chain(() -> tx.preparedQuery("SELECT rechain_stream($1)").execute(Tuple.of(petitionId)))
                    .replaceWithVoid();
        });
    }
}
