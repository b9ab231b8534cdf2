package org.lettersvisits.petition.privacy;

import java.util.Base64;
import java.util.UUID;

import javax.crypto.SecretKey;

import org.lettersvisits.contracts.EventCodec;
import org.lettersvisits.petition.domain.Petitioner;
import org.lettersvisits.petition.domain.SealedPetitioner;
import org.lettersvisits.privacy.AesGcm;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * AES-256-GCM ({@link AesGcm}) for a petitioner's personal data and for the data keys themselves. The petition id is
 * the associated data, so a sealed petitioner (or a wrapped key) moved onto another petition does not open.
 */
public final class PetitionerCipher {

    private static final String PREFIX = "v1:";

    private PetitionerCipher() {
    }

    /** A fresh data key for one petitioner. */
    public static SecretKey newDataKey() {
        return AesGcm.newKey();
    }

    public static SealedPetitioner seal(Petitioner petitioner, SecretKey dataKey, UUID petitionId) {
        try {
            byte[] clear = EventCodec.JSON.writeValueAsBytes(petitioner);
            return new SealedPetitioner(PREFIX + Base64.getEncoder().encodeToString(encrypt(clear, dataKey, petitionId)));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write the petitioner", e);
        }
    }

    public static Petitioner open(SealedPetitioner sealed, SecretKey dataKey, UUID petitionId) {
        if (!sealed.ciphertext().startsWith(PREFIX)) {
            throw new IllegalArgumentException("unknown sealing of petitioner " + petitionId);
        }
        byte[] clear = decrypt(Base64.getDecoder().decode(sealed.ciphertext().substring(PREFIX.length())), dataKey,
                petitionId);
        try {
            return EventCodec.JSON.readValue(clear, Petitioner.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the petitioner of " + petitionId + " does not read back", e);
        }
    }

    static byte[] encrypt(byte[] data, SecretKey key, UUID petitionId) {
        return AesGcm.encrypt(data, key, petitionId);
    }

    static byte[] decrypt(byte[] sealed, SecretKey key, UUID petitionId) {
        return AesGcm.decrypt(sealed, key, petitionId);
    }

    static SecretKey aesKey(byte[] bytes) {
        return AesGcm.key(bytes);
    }
}
