package org.lettersvisits.petition.domain;

/**
 * A petitioner's personal data (name, ID number, phone, address, town) as the event store keeps them:
 * encrypted under the data key of this petitioner alone ({@code v1:} then Base64 of IV and AES-GCM
 * ciphertext). Once the key is erased, nothing can read them again, and the event stays as it was.
 */
public record SealedPetitioner(String ciphertext) {
}
