package org.lettersvisits.privacy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.SecretKey;

/**
 * One free-text value sealed under a person's data key: {@code sealed:v1:} and the Base64 of {@link AesGcm}'s output,
 * bound to the petition. A JSON string like any other, so events keep their shape and types; a value without the
 * prefix is text in clear (stored before sealing, or by a test).
 */
public final class SealedText {

    static final String PREFIX = "sealed:v1:";

    private SealedText() {
    }

    public static String seal(String text, SecretKey key, UUID petitionId) {
        return PREFIX + Base64.getEncoder().encodeToString(
                AesGcm.encrypt(text.getBytes(StandardCharsets.UTF_8), key, petitionId));
    }

    public static boolean isSealed(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    /** The text {@code sealed} holds; fails when it was sealed under another key or for another petition. */
    public static String open(String sealed, SecretKey key, UUID petitionId) {
        if (!isSealed(sealed)) {
            throw new IllegalArgumentException("not a sealed text");
        }
        return new String(AesGcm.decrypt(Base64.getDecoder().decode(sealed.substring(PREFIX.length())), key, petitionId),
                StandardCharsets.UTF_8);
    }
}
