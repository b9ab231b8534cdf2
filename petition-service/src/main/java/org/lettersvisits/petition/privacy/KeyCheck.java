package org.lettersvisits.petition.privacy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import javax.crypto.SecretKey;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Whether the configured key-encryption keys fit the database, checked before the service serves anything:
 * every configured key must open its check value ({@code key_encryption_key_check}, a known value sealed under
 * the key when it was first used; for a key the database knows only from data keys wrapped before the check
 * existed, one of those must unwrap, and then the check value is written), and every data key must be wrapped
 * under a configured key. Anything else fails with a {@link KeyCheckFailed} naming the key id and what to do.
 */
@ApplicationScoped
public class KeyCheck {

    /** What the check found: the current key id and how many data keys each key id wraps. */
    public record Checked(String currentId, Map<String, Long> dataKeysByKeyId) {
    }

    private static final byte[] KNOWN = "letters-and-visits key-encryption key check".getBytes(StandardCharsets.UTF_8);

    private final KeyEncryptionKeys keys;
    private final PetitionerKeys petitionerKeys;

    KeyCheck(KeyEncryptionKeys keys) {
        this.keys = keys;
        this.petitionerKeys = PetitionerKeys.under(keys);
    }

    /** A check of other keys than the configured ones (tests, tools). */
    public static KeyCheck of(KeyEncryptionKeys keys) {
        return new KeyCheck(keys);
    }

    /** Checks every configured key and every key id in use; fails with {@link KeyCheckFailed}. */
    public Uni<Checked> verify(SqlClient client) {
        return Multi.createFrom().iterable(keys.ids()).onItem().transformToUniAndConcatenate(id -> checkKey(client, id))
                .collect().asList()
                .chain(() -> client.query("SELECT kek_id, count(*) AS n FROM petitioner_key GROUP BY kek_id").execute())
                .map(rows -> {
                    Map<String, Long> inUse = new TreeMap<>();
                    for (Row row : rows) {
                        inUse.put(row.getString("kek_id"), row.getLong("n"));
                    }
                    inUse.forEach((id, count) -> {
                        if (keys.get(id).isEmpty()) {
                            throw new KeyCheckFailed(count + " data keys are wrapped under key-encryption key " + id
                                    + ", which is not configured: put " + KeyEncryptionKeys.PREFIX + id + " back (a key is "
                                    + "retired only once GET /api/admin/key-encryption shows no data key under it, after "
                                    + "POST /api/admin/key-encryption/rewrap)");
                        }
                    });
                    return new Checked(keys.currentId(), inUse);
                });
    }

    private Uni<Void> checkKey(SqlClient client, String id) {
        return checkValue(client, id).chain(sealed -> sealed == null
                ? firstUse(client, id).chain(() -> checkValue(client, id)) : Uni.createFrom().item(sealed))
                .invoke(sealed -> opens(id, sealed)).replaceWithVoid();
    }

    private static Uni<byte[]> checkValue(SqlClient client, String id) {
        return client.preparedQuery("SELECT sealed FROM key_encryption_key_check WHERE kek_id = $1").execute(Tuple.of(id))
                .map(rows -> rows.rowCount() == 0 ? null : rows.iterator().next().getBuffer("sealed").getBytes());
    }

    /** A key without a check value: one data key wrapped under it (if any) must unwrap; then the value is written. */
    private Uni<Void> firstUse(SqlClient client, String id) {
        return client.preparedQuery("SELECT petition_id, kek_id, wrapped_key FROM petitioner_key WHERE kek_id = $1 LIMIT 1")
                .execute(Tuple.of(id))
                .invoke(rows -> {
                    for (Row row : rows) {
                        try {
                            petitionerKeys.unwrap(row);
                        } catch (IllegalStateException e) {
                            throw new KeyCheckFailed("key-encryption key " + id + " does not unwrap the data keys stored "
                                    + "under " + id + " (petition " + row.getUUID("petition_id") + "): it is not the key "
                                    + "they were wrapped with; configure " + KeyEncryptionKeys.PREFIX + id
                                    + " as it was when they were written");
                        }
                    }
                })
                .chain(() -> client.preparedQuery("""
                        INSERT INTO key_encryption_key_check (kek_id, sealed) VALUES ($1, $2) ON CONFLICT (kek_id) DO NOTHING""")
                        .execute(Tuple.of(id, Buffer.buffer(PetitionerCipher.encrypt(KNOWN, key(id), aad(id))))))
                .replaceWithVoid();
    }

    private void opens(String id, byte[] sealed) {
        byte[] clear;
        try {
            clear = PetitionerCipher.decrypt(sealed, key(id), aad(id));
        } catch (IllegalStateException e) {
            clear = null;
        }
        if (clear == null || !Arrays.equals(clear, KNOWN)) {
            throw new KeyCheckFailed("key-encryption key " + id + " does not match the key " + id + " the database was "
                    + "used with (it does not open its check value in key_encryption_key_check): configure "
                    + KeyEncryptionKeys.PREFIX + id + " as it was, or give a new key a new id");
        }
    }

    private SecretKey key(String id) {
        return keys.get(id).orElseThrow();
    }

    private static UUID aad(String id) {
        return UUID.nameUUIDFromBytes(("key-encryption key check " + id).getBytes(StandardCharsets.UTF_8));
    }
}
