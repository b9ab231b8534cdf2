package org.lettersvisits.privacy;

import java.util.UUID;

/**
 * A petition's data key as it travels on {@link org.lettersvisits.contracts.Topics#DATA_KEYS}: wrapped
 * (Base64 of {@link AesGcm}, bound to the petition) under the sharing key {@code keyId}.
 */
public record SharedDataKey(UUID petitionId, String keyId, String wrappedKey) {
}
