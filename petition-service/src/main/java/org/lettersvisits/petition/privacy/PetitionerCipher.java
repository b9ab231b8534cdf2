package org.lettersvisits.petition.privacy;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.lettersvisits.contracts.EventCodec;
import org.lettersvisits.petition.domain.Petitioner;
import org.lettersvisits.petition.domain.SealedPetitioner;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * AES-256-GCM for a petitioner's personal data and for the data keys themselves. The petition id is
 * the associated data, so a sealed petitioner (or a wrapped key) moved onto another petition does not open.
 */
public final class PetitionerCipher {

    private static final String PREFIX = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PetitionerCipher() {
    }

    /** A fresh data key for one petitioner. */
    public static SecretKey newDataKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, RANDOM);
            return generator.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is not available", e);
        }
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

    /** Encrypts {@code data} as IV followed by ciphertext and tag, bound to {@code petitionId}. */
    static byte[] encrypt(byte[] data, SecretKey key, UUID petitionId) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(bytes(petitionId));
            byte[] body = cipher.doFinal(data);
            return ByteBuffer.allocate(iv.length + body.length).put(iv).put(body).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt for petition " + petitionId, e);
        }
    }

    static byte[] decrypt(byte[] sealed, SecretKey key, UUID petitionId) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
            cipher.updateAAD(bytes(petitionId));
            return cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt for petition " + petitionId
                    + " (wrong key, or the data was altered)", e);
        }
    }

    static SecretKey aesKey(byte[] bytes) {
        return new SecretKeySpec(bytes, "AES");
    }

    private static byte[] bytes(UUID id) {
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array();
    }
}
