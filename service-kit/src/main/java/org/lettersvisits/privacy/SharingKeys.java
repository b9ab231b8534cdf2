package org.lettersvisits.privacy;

import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import javax.crypto.SecretKey;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;

/**
 * The keys the data keys travel under on {@link org.lettersvisits.contracts.Topics#DATA_KEYS}: the same in every service
 * that seals or opens free text, each with an id (1 to 32 lower-case letters and digits) that the shared record names.
 * {@code lettersvisits.privacy.sharing-keys.<id>} (Base64 of 32 bytes) holds every key still in use,
 * {@code lettersvisits.privacy.sharing-key-id} (default {@code s0}) the one new records go under; the single
 * {@code lettersvisits.privacy.sharing-key} ({@code DATA_KEY_SHARING_KEY}) is the key {@code s0}. A missing or
 * malformed key stops the start naming it.
 */
@ApplicationScoped
public class SharingKeys {

    static final String PREFIX = "lettersvisits.privacy.sharing-keys.";

    private final Map<String, SecretKey> keys = new TreeMap<>();
    private final String currentId;

    @Inject
    SharingKeys(Config config) {
        this(read(config), config.getOptionalValue("lettersvisits.privacy.sharing-key-id", String.class).orElse("s0"));
    }

    /** These keys (Base64 by id), new records going under {@code currentId}. */
    public SharingKeys(Map<String, String> base64ById, String currentId) {
        base64ById.forEach((id, base64) -> {
            if (!id.matches("[a-z0-9]{1,32}")) {
                throw new IllegalStateException("sharing key id '" + id + "' is not 1 to 32 lower-case letters and digits");
            }
            try {
                keys.put(id, AesGcm.key(Base64.getDecoder().decode(base64.trim())));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("sharing key " + id + " is not Base64 of 32 bytes: set " + PREFIX + id, e);
            }
        });
        if (!keys.containsKey(currentId)) {
            throw new IllegalStateException("the sharing key " + currentId + " is not configured: set " + PREFIX + currentId
                    + " (or lettersvisits.privacy.sharing-key, DATA_KEY_SHARING_KEY, for s0) to the Base64 of 32 bytes,"
                    + " the same in petition-, assignment- and followup-service");
        }
        this.currentId = currentId;
    }

    private static Map<String, String> read(Config config) {
        Map<String, String> byId = new TreeMap<>();
        config.getOptionalValue("lettersvisits.privacy.sharing-key", String.class).filter(k -> !k.isBlank())
                .ifPresent(k -> byId.put("s0", k));
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(PREFIX)) {
                config.getOptionalValue(name, String.class).filter(k -> !k.isBlank())
                        .ifPresent(k -> byId.put(name.substring(PREFIX.length()), k));
            }
        }
        return byId;
    }

    /** The id of the key new records go under. */
    public String currentId() {
        return currentId;
    }

    /** {@code dataKey} of {@code petitionId} as it travels: wrapped under the current sharing key. */
    public SharedDataKey share(UUID petitionId, SecretKey dataKey) {
        return new SharedDataKey(petitionId, currentId, Base64.getEncoder().encodeToString(
                AesGcm.encrypt(dataKey.getEncoded(), keys.get(currentId), petitionId)));
    }

    /** The data key a shared record carries; fails naming the sharing key id when it is not configured or does not fit. */
    public SecretKey open(SharedDataKey shared) {
        SecretKey key = Optional.ofNullable(keys.get(shared.keyId())).orElseThrow(() -> new IllegalStateException(
                "the data key of petition " + shared.petitionId() + " is shared under sharing key " + shared.keyId()
                        + ", which is not configured: set " + PREFIX + shared.keyId()));
        try {
            return AesGcm.key(AesGcm.decrypt(Base64.getDecoder().decode(shared.wrappedKey()), key, shared.petitionId()));
        } catch (IllegalStateException e) {
            throw new IllegalStateException("sharing key " + shared.keyId() + " does not open the data key of petition "
                    + shared.petitionId() + ": " + PREFIX + shared.keyId() + " differs from petition-service's", e);
        }
    }
}
