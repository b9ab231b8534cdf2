package org.lettersvisits.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.SecretKey;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lettersvisits.contracts.EventCodec;
import org.lettersvisits.contracts.Topics;
import org.lettersvisits.kafka.KafkaClients;
import org.lettersvisits.kit.KitDatabase;

/**
 * The shared data keys on a real broker: a key shared opens text sealed under it, a key shared after it was asked for
 * is found by catching up, a withdrawal (an erasure) reads as erased, and a key never shared fails as transient.
 */
class SharedDataKeysTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final SharingKeys SHARING = new SharingKeys(Map.of("s0", "ZGV2LW9ubHktZGF0YS1rZXktc2hhcmluZy1rZXktMzI="), "s0");

    private static SharedDataKeys keys;
    private static KafkaProducer<String, String> producer;

    @BeforeAll
    static void follow() {
        KitDatabase.fresh().close(); // starts the test infrastructure, the broker included
        KafkaClients kafka = new KafkaClients(Map.of("bootstrap.servers", KitDatabase.kafkaBootstrapServers()));
        kafka.ensureTopic(Topics.DATA_KEYS, Map.of("cleanup.policy", "compact"));
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KitDatabase.kafkaBootstrapServers()),
                new StringSerializer(), new StringSerializer());
        keys = new SharedDataKeys(kafka, SHARING);
        keys.start(null);
        await().atMost(PATIENCE).until(keys::caughtUp);
    }

    @AfterAll
    static void stop() {
        keys.stop(null);
        producer.close();
    }

    private static void share(UUID petitionId, SecretKey key) throws Exception {
        producer.send(new ProducerRecord<>(Topics.DATA_KEYS, petitionId.toString(),
                EventCodec.JSON.writeValueAsString(SHARING.share(petitionId, key)))).get();
    }

    private static Optional<SecretKey> keyOf(UUID petitionId) {
        return keys.keyOf(null, petitionId).await().atMost(PATIENCE);
    }

    @Test
    void a_shared_key_opens_what_petition_service_sealed_under_it() throws Exception {
        UUID petition = UUID.randomUUID();
        SecretKey key = AesGcm.newKey();
        String sealed = SealedText.seal("Zhang Wei, 13912345678", key, petition);

        share(petition, key); // asked for at once: the reader catches up with the topic's end

        assertThat(SealedText.open(sealed, keyOf(petition).orElseThrow(), petition)).isEqualTo("Zhang Wei, 13912345678");
    }

    @Test
    void a_withdrawn_key_reads_as_erased() throws Exception {
        UUID petition = UUID.randomUUID();
        share(petition, AesGcm.newKey());
        assertThat(keyOf(petition)).isPresent();

        producer.send(new ProducerRecord<>(Topics.DATA_KEYS, petition.toString(), null)).get();

        await().atMost(PATIENCE).until(() -> keyOf(petition).isEmpty());
    }

    @Test
    void a_key_never_shared_fails_as_not_known_yet() {
        UUID petition = UUID.randomUUID();

        assertThatThrownBy(() -> keyOf(petition)).isInstanceOf(NoDataKey.class);
    }

    @Test
    void a_service_whose_sharing_key_opens_none_of_the_keys_stops_naming_the_setting() throws Exception {
        share(UUID.randomUUID(), AesGcm.newKey()); // the topic holds keys (shared under s0)
        SharingKeys wrong = new SharingKeys(Map.of("s0", "b3RoZXItZGF0YS1rZXktc2hhcmluZy1rZXktLTMyYiE="), "s0");
        SharedDataKeys misconfigured = new SharedDataKeys(
                new KafkaClients(Map.of("bootstrap.servers", KitDatabase.kafkaBootstrapServers())), wrong);
        java.util.concurrent.CompletableFuture<String> refused = new java.util.concurrent.CompletableFuture<>();
        misconfigured.refuse = refused::complete;
        misconfigured.start(null);
        try {
            assertThat(refused.get(30, java.util.concurrent.TimeUnit.SECONDS))
                    .contains("lettersvisits.privacy.sharing-key").contains("does not open");
            assertThat(misconfigured.problem()).isPresent();
        } finally {
            misconfigured.stop(null);
        }
        assertThat(keys.problem()).as("the rightly configured reader").isEmpty();
    }

    @Test
    void a_key_under_another_sharing_key_is_refused_naming_it() {
        SharingKeys other = new SharingKeys(Map.of("s1", "b3RoZXItZGF0YS1rZXktc2hhcmluZy1rZXktLTMyYiE="), "s1");
        UUID petition = UUID.randomUUID();

        assertThatThrownBy(() -> SHARING.open(other.share(petition, AesGcm.newKey())))
                .hasMessageContaining("sharing key s1").hasMessageContaining("not configured");
    }
}
