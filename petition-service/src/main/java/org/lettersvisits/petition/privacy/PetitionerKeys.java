package org.lettersvisits.petition.privacy;

import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.SecretKey;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The petitioners' data keys, one per petition, in {@code petitioner_key}: each wrapped (AES-GCM) under
 * the key-encryption key from configuration ({@code petition.privacy.key-encryption-key}, Base64 of 32
 * bytes), so a copy of the database alone opens nothing. Erasure deletes the row.
 */
@ApplicationScoped
public class PetitionerKeys {

    private final SecretKey keyEncryptionKey;

    PetitionerKeys(@ConfigProperty(name = "petition.privacy.key-encryption-key") String keyEncryptionKeyBase64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(keyEncryptionKeyBase64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("petition.privacy.key-encryption-key must be Base64", e);
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("petition.privacy.key-encryption-key must be 32 bytes (AES-256), is "
                    + bytes.length);
        }
        keyEncryptionKey = PetitionerCipher.aesKey(bytes);
    }

    /**
     * A new data key for {@code petitionId}, stored wrapped in {@code transaction}; empty if the petition
     * already has one (another instance is sealing the same petition).
     */
    public Uni<Optional<SecretKey>> create(SqlClient transaction, UUID petitionId) {
        SecretKey key = PetitionerCipher.newDataKey();
        byte[] wrapped = PetitionerCipher.encrypt(key.getEncoded(), keyEncryptionKey, petitionId);
        return transaction.preparedQuery("""
                INSERT INTO petitioner_key (petition_id, wrapped_key) VALUES ($1, $2)
                ON CONFLICT (petition_id) DO NOTHING RETURNING petition_id""")
                .execute(Tuple.of(petitionId, Buffer.buffer(wrapped)))
                .map(rows -> rows.rowCount() == 1 ? Optional.of(key) : Optional.empty());
    }

    /** The data key of {@code petitionId}; empty once the petitioner was erased. */
    public Uni<Optional<SecretKey>> find(SqlClient client, UUID petitionId) {
        return client.preparedQuery("SELECT wrapped_key FROM petitioner_key WHERE petition_id = $1")
                .execute(Tuple.of(petitionId))
                .map(rows -> rows.rowCount() == 0 ? Optional.empty()
                        : Optional.of(PetitionerCipher.aesKey(PetitionerCipher.decrypt(
                                rows.iterator().next().getBuffer("wrapped_key").getBytes(), keyEncryptionKey, petitionId))));
    }

    /** Deletes the data key of {@code petitionId}: what it sealed can never be read again. */
    public Uni<Void> erase(SqlClient transaction, UUID petitionId) {
        return transaction.preparedQuery("DELETE FROM petitioner_key WHERE petition_id = $1")
                .execute(Tuple.of(petitionId)).replaceWithVoid();
    }
}
