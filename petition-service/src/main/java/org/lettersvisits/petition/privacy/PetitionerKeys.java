package org.lettersvisits.petition.privacy;

import java.util.Optional;
import java.util.UUID;

import javax.crypto.SecretKey;

import jakarta.enterprise.context.ApplicationScoped;

import org.lettersvisits.privacy.DataKeys;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The petitioners' data keys, one per petition, in {@code petitioner_key}: each wrapped (AES-GCM) under a
 * key-encryption key from configuration ({@link KeyEncryptionKeys}), so a copy of the database alone opens nothing.
 * A new data key goes under the current key and its row records that key's id ({@code kek_id}); a key is unwrapped
 * with the key its row names, so keys wrapped under an older one still open until {@link KeyRewrap} moves them.
 * Erasure deletes the row.
 */
@ApplicationScoped
public class PetitionerKeys implements DataKeys {

    private final KeyEncryptionKeys keyEncryptionKeys;

    PetitionerKeys(KeyEncryptionKeys keyEncryptionKeys) {
        this.keyEncryptionKeys = keyEncryptionKeys;
    }

    /** The same keys under another set of key-encryption keys (tests and tools). */
    public static PetitionerKeys under(KeyEncryptionKeys keyEncryptionKeys) {
        return new PetitionerKeys(keyEncryptionKeys);
    }

    /**
     * A new data key for {@code petitionId}, stored wrapped in {@code transaction}; empty if the petition
     * already has one (another instance is sealing the same petition).
     */
    public Uni<Optional<SecretKey>> create(SqlClient transaction, UUID petitionId) {
        SecretKey key = PetitionerCipher.newDataKey();
        return transaction.preparedQuery("""
                INSERT INTO petitioner_key (petition_id, wrapped_key, kek_id) VALUES ($1, $2, $3)
                ON CONFLICT (petition_id) DO NOTHING RETURNING petition_id""")
                .execute(Tuple.of(petitionId, Buffer.buffer(wrap(key, petitionId)), keyEncryptionKeys.currentId()))
                .map(rows -> rows.rowCount() == 1 ? Optional.of(key) : Optional.empty());
    }

    /** The data key of {@code petitionId}; empty once the petitioner was erased. */
    public Uni<Optional<SecretKey>> find(SqlClient client, UUID petitionId) {
        return client.preparedQuery("SELECT petition_id, kek_id, wrapped_key FROM petitioner_key WHERE petition_id = $1")
                .execute(Tuple.of(petitionId))
                .map(rows -> rows.rowCount() == 0 ? Optional.empty() : Optional.of(unwrap(rows.iterator().next())));
    }

    /** The data key of {@code petitionId} (empty once erased), for sealing and opening the free text about them. */
    @Override
    public Uni<Optional<SecretKey>> keyOf(SqlClient client, UUID petitionId) {
        return find(client, petitionId);
    }

    /** Deletes the data key of {@code petitionId}: what it sealed can never be read again. */
    public Uni<Void> erase(SqlClient transaction, UUID petitionId) {
        return transaction.preparedQuery("DELETE FROM petitioner_key WHERE petition_id = $1")
                .execute(Tuple.of(petitionId)).replaceWithVoid();
    }

    /** The data key of a {@code petitioner_key} row (petition_id, kek_id, wrapped_key), unwrapped with its row's key. */
    SecretKey unwrap(Row row) {
        UUID petitionId = row.getUUID("petition_id");
        String kekId = row.getString("kek_id");
        SecretKey kek = keyEncryptionKeys.get(kekId).orElseThrow(() -> new KeyCheckFailed("the data key of petition "
                + petitionId + " is wrapped under key-encryption key " + kekId + ", which is not configured"));
        return PetitionerCipher.aesKey(PetitionerCipher.decrypt(row.getBuffer("wrapped_key").getBytes(), kek, petitionId));
    }

    /** {@code key} wrapped under the current key-encryption key, bound to {@code petitionId}. */
    byte[] wrap(SecretKey key, UUID petitionId) {
        return PetitionerCipher.encrypt(key.getEncoded(), keyEncryptionKeys.current(), petitionId);
    }

    String currentKeyId() {
        return keyEncryptionKeys.currentId();
    }
}
