package org.lettersvisits.petition.privacy;

import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import javax.crypto.SecretKey;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;

/**
 * The key-encryption keys from configuration, each with an id, and which one wraps new data keys:
 * {@code petition.privacy.key-encryption-keys.<id>=<Base64 of 32 bytes>} (or the environment variable
 * {@code PETITION_PRIVACY_KEY_ENCRYPTION_KEYS_<ID>}) and {@code petition.privacy.key-encryption-key-id=<id>}
 * (default {@value #LEGACY_ID}). The single property of earlier versions, {@code petition.privacy.key-encryption-key},
 * is still read as the key {@value #LEGACY_ID}. Ids are 1 to 32 lower-case letters and digits.
 */
@ApplicationScoped
public class KeyEncryptionKeys {

    /** The id of the key every data key was wrapped under before keys had ids. */
    public static final String LEGACY_ID = "k0";
    static final String PREFIX = "petition.privacy.key-encryption-keys.";
    private static final String ENV_PREFIX = "PETITION_PRIVACY_KEY_ENCRYPTION_KEYS_";
    private static final String LEGACY = "petition.privacy.key-encryption-key";
    private static final String CURRENT = "petition.privacy.key-encryption-key-id";
    private static final Pattern ID = Pattern.compile("[a-z0-9]{1,32}");

    private final Map<String, SecretKey> keys;
    private final String currentId;

    @Inject
    KeyEncryptionKeys(Config config) {
        this(fromConfig(config), config.getOptionalValue(CURRENT, String.class).orElse(LEGACY_ID).trim());
    }

    private KeyEncryptionKeys(Map<String, String> base64ById, String currentId) {
        Map<String, SecretKey> parsed = new TreeMap<>();
        base64ById.forEach((id, base64) -> parsed.put(id, parse(id, base64)));
        if (!parsed.containsKey(currentId)) {
            throw new KeyCheckFailed("the current key-encryption key " + currentId + " (" + CURRENT
                    + ") is not configured: set " + PREFIX + currentId + " (Base64 of 32 bytes)"
                    + (parsed.isEmpty() ? "" : "; configured are " + parsed.keySet()));
        }
        this.keys = Map.copyOf(parsed);
        this.currentId = currentId;
    }

    /** Keys given directly, for tests and tools: {@code base64ById} maps ids to Base64 of 32 bytes. */
    public static KeyEncryptionKeys of(Map<String, String> base64ById, String currentId) {
        return new KeyEncryptionKeys(base64ById, currentId);
    }

    /** The id of the key new data keys are wrapped under. */
    public String currentId() {
        return currentId;
    }

    SecretKey current() {
        return keys.get(currentId);
    }

    /** The key of {@code id}, if it is configured. */
    Optional<SecretKey> get(String id) {
        return Optional.ofNullable(keys.get(id));
    }

    /** Every configured id, in order. */
    public java.util.Set<String> ids() {
        return new java.util.TreeSet<>(keys.keySet());
    }

    private static Map<String, String> fromConfig(Config config) {
        Map<String, String> found = new TreeMap<>();
        config.getOptionalValue(LEGACY, String.class).filter(v -> !v.isBlank()).ifPresent(v -> found.put(LEGACY_ID, v));
        for (String name : config.getPropertyNames()) {
            String id = name.startsWith(PREFIX) ? name.substring(PREFIX.length())
                    : name.startsWith(ENV_PREFIX) ? name.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT) : null;
            if (id == null) {
                continue;
            }
            if (!ID.matcher(id).matches()) {
                throw new KeyCheckFailed("key-encryption key id '" + id + "' (" + name
                        + ") must be 1 to 32 lower-case letters and digits");
            }
            config.getOptionalValue(name, String.class).filter(v -> !v.isBlank()).ifPresent(value -> {
                String earlier = found.put(id, value.trim());
                if (earlier != null && !earlier.equals(value.trim())) {
                    throw new KeyCheckFailed("key-encryption key " + id + " is configured twice with different values ("
                            + name + (LEGACY_ID.equals(id) ? " and " + LEGACY : "") + ")");
                }
            });
        }
        return found;
    }

    private static SecretKey parse(String id, String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new KeyCheckFailed("key-encryption key " + id + " must be Base64 (of 32 bytes)");
        }
        if (bytes.length != 32) {
            throw new KeyCheckFailed("key-encryption key " + id + " must be 32 bytes (AES-256), is " + bytes.length);
        }
        return PetitionerCipher.aesKey(bytes);
    }
}
