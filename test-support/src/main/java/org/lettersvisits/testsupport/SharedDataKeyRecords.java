package org.lettersvisits.testsupport;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.lettersvisits.contracts.Topics;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * A petition's data key shared as petition-service shares it ({@code petitioner-data-keys.v1}, wrapped under the test
 * profile's sharing key), for tests that feed assignment- or followup-service a petition of their own: without its
 * key, neither may store the free text written about it.
 */
public final class SharedDataKeyRecords {

    /** {@code %test.lettersvisits.privacy.sharing-key} of every service. */
    public static final String TEST_SHARING_KEY = "ZGV2LW9ubHktZGF0YS1rZXktc2hhcmluZy1rZXktMzI=";
    private static final SecureRandom RANDOM = new SecureRandom();

    private SharedDataKeyRecords() {
    }

    /** A fresh data key for {@code petitionId}, as the record that shares it. */
    public static ProducerRecord<String, String> freshKey(UUID petitionId) {
        byte[] dataKey = new byte[32];
        RANDOM.nextBytes(dataKey);
        return keyRecord(petitionId, dataKey);
    }

    /** {@code dataKey} (32 bytes) of {@code petitionId}, as the record that shares it. */
    public static ProducerRecord<String, String> keyRecord(UUID petitionId, byte[] dataKey) {
        String value = "{\"petitionId\":\"" + petitionId + "\",\"keyId\":\"s0\",\"wrappedKey\":\""
                + Base64.getEncoder().encodeToString(wrapped(dataKey, petitionId)) + "\"}";
        return new ProducerRecord<>(Topics.DATA_KEYS, petitionId.toString(), value);
    }

    /** The withdrawal of {@code petitionId}'s key (an erasure): a tombstone. */
    public static ProducerRecord<String, String> withdrawal(UUID petitionId) {
        return new ProducerRecord<>(Topics.DATA_KEYS, petitionId.toString(), null);
    }

    /** Shares a fresh data key for each petition on the test broker. */
    public static void share(UUID... petitionIds) {
        try (KafkaCompanion kafka = RealInfrastructure.kafkaCompanion()) {
            for (UUID petitionId : petitionIds) {
                kafka.produceStrings().fromRecords(freshKey(petitionId)).awaitCompletion(Duration.ofSeconds(30));
            }
        }
    }

    private static byte[] wrapped(byte[] dataKey, UUID petitionId) {
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(TEST_SHARING_KEY), "AES"),
                    new GCMParameterSpec(128, iv));
            cipher.updateAAD(ByteBuffer.allocate(16).putLong(petitionId.getMostSignificantBits())
                    .putLong(petitionId.getLeastSignificantBits()).array());
            byte[] body = cipher.doFinal(dataKey);
            return ByteBuffer.allocate(iv.length + body.length).put(iv).put(body).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
