package org.lettersvisits.petition.privacy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.SecretKey;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lettersvisits.contracts.Topics;
import org.lettersvisits.testsupport.RealInfrastructure;
import org.lettersvisits.testsupport.TopicContents;
import org.lettersvisits.testsupport.Users;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Rotation without downtime, on a service configured with the old key k0 and a new current key k1: new data keys go
 * under k1, data keys under k0 still open, the re-wrap moves every one onto k1 in batches with its progress visible,
 * everything (the petitioner and the sealed free text) reads back, an erasure still erases, and then a configuration
 * without k0 passes the start-up check (before, it is refused naming k0). The sharing key is rotated too (s0 to s1):
 * at start every data key shared under s0 is shared again under s1.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@TestProfile(KeyRotationTest.RotatedToK1.class)
class KeyRotationTest {

    static final String K1 = "bmV3LWtleS1lbmNyeXB0aW9uLWtleS1mb3ItdGVzdHM=";
    static final String S1 = "b3RoZXItZGF0YS1rZXktc2hhcmluZy1rZXktLTMyYiE=";
    private static final Duration WAIT = Duration.ofSeconds(30);

    /** k0 (the test key of application.properties) and k1, with k1 current. */
    public static class RotatedToK1 implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("petition.privacy.key-encryption-keys.k1", K1, "petition.privacy.key-encryption-key-id", "k1",
                    "lettersvisits.privacy.sharing-keys.s1", S1, "lettersvisits.privacy.sharing-key-id", "s1");
        }
    }

    @Inject
    Pool pool;

    @Inject
    PetitionerKeys keys;

    private static String register(String name) {
        Map<String, Object> body = new HashMap<>(Map.of("channel", "VISIT", "receivedOn", "2026-10-14",
                "receivedBy", "Duty leader D", "headcount", 1, "subject", name + " asks about the key rotation",
                "involvesLawAndLitigation", false));
        body.put("petitioner", Map.of("name", name, "idNumber", "130100199312266955", "phone", "13942175656"));
        return given().header("Authorization", Users.RECEPTION.bearer()).header("Idempotency-Key", "rotation-" + UUID.randomUUID())
                .contentType(ContentType.JSON).body(body).post("/api/petitions").then().statusCode(201).extract().path("id");
    }

    private String keyIdOf(String petitionId) {
        return pool.preparedQuery("SELECT kek_id FROM petitioner_key WHERE petition_id = $1").execute(Tuple.of(UUID.fromString(
                petitionId))).await().atMost(WAIT).iterator().next().getString("kek_id");
    }

    /** Puts the data key of {@code petitionId} under k0, as a key stored before the rotation is. */
    private void wrapUnderK0(String petitionId) {
        UUID id = UUID.fromString(petitionId);
        SecretKey dataKey = keys.find(pool, id).await().atMost(WAIT).orElseThrow();
        byte[] wrapped = PetitionerCipher.encrypt(dataKey.getEncoded(),
                KeyEncryptionKeys.of(Map.of("k0", KeyCheckTest.TEST_K0), "k0").current(), id);
        pool.preparedQuery("UPDATE petitioner_key SET kek_id = 'k0', wrapped_key = $2 WHERE petition_id = $1")
                .execute(Tuple.of(id, Buffer.buffer(wrapped))).await().atMost(WAIT);
    }

    private static JsonPath status() {
        return given().header("Authorization", Users.ADMIN.bearer()).get("/api/admin/key-encryption").then().statusCode(200)
                .extract().jsonPath();
    }

    private static String subjectOf(String petitionId) {
        return given().header("Authorization", Users.RECEPTION.bearer()).get("/api/petitions/" + petitionId).then()
                .statusCode(200).extract().path("subject");
    }

    private static String nameOf(String petitionId) {
        return given().header("Authorization", Users.RECEPTION.bearer()).get("/api/petitions/" + petitionId).then()
                .statusCode(200).extract().path("petitioner.name");
    }

    @Test
    void new_keys_go_under_the_current_key_old_ones_still_open_and_the_rewrap_moves_them_so_the_old_key_can_go() {
        String fresh = register("Rotated-new");
        assertThat(keyIdOf(fresh)).isEqualTo("k1");
        List<String> old = new ArrayList<>();
        for (int i = 0; i < 12; i++) { // more than two batches of 5 (the test's batch size)
            String id = register("Rotated-old-" + i);
            wrapUnderK0(id);
            old.add(id);
        }
        assertThat(keyIdOf(old.get(0))).isEqualTo("k0");
        assertThat(nameOf(old.get(0))).isEqualTo("Rotated-old-0");

        JsonPath before = status();
        assertThat(before.getString("currentKeyId")).isEqualTo("k1");
        assertThat(before.getLong("keys.find { it.id == 'k0' }.dataKeys")).isGreaterThanOrEqualTo(12);
        assertThat(before.getLong("rewrap.remaining")).isGreaterThanOrEqualTo(12);
        KeyCheck withoutK0 = KeyCheck.of(KeyEncryptionKeys.of(Map.of("k1", K1), "k1"));
        assertThatThrownBy(() -> withoutK0.verify(pool).await().atMost(WAIT)).isInstanceOf(KeyCheckFailed.class)
                .hasMessageContaining("wrapped under key-encryption key k0, which is not configured");

        given().header("Authorization", Users.ADMIN.bearer()).post("/api/admin/key-encryption/rewrap").then().statusCode(202)
                .body("currentKeyId", equalTo("k1"));
        await().atMost(WAIT).until(() -> {
            JsonPath now = status();
            return !now.getBoolean("rewrap.running") && now.getLong("rewrap.remaining") == 0;
        });

        JsonPath after = status();
        assertThat(after.getLong("keys.find { it.id == 'k0' }.dataKeys")).isZero();
        assertThat(after.getLong("rewrap.done")).isGreaterThanOrEqualTo(12);
        assertThat(after.getString("rewrap.failure")).isNull();
        for (int i = 0; i < old.size(); i++) {
            assertThat(keyIdOf(old.get(i))).isEqualTo("k1");
            assertThat(nameOf(old.get(i))).isEqualTo("Rotated-old-" + i);
            assertThat(subjectOf(old.get(i))).as("the sealed free text").isEqualTo("Rotated-old-" + i + " asks about the key rotation");
        }
        assertThat(withoutK0.verify(pool).await().atMost(WAIT).dataKeysByKeyId()).containsOnlyKeys("k1");

        // an erasure after the rotation erases: the key goes, the sealed subject with it
        String erased = old.get(0);
        given().header("Authorization", Users.ADMIN.bearer()).contentType(ContentType.JSON)
                .body(Map.of("reason", "request after the rotation")).post("/api/admin/petitioners/" + erased + "/erasure")
                .then().statusCode(200);
        assertThat(keys.find(pool, UUID.fromString(erased)).await().atMost(WAIT)).isEmpty();
        assertThat(pool.preparedQuery("SELECT payload::text FROM event WHERE aggregate_id = $1").execute(Tuple.of(
                UUID.fromString(erased))).await().atMost(WAIT).iterator().next().getString(0)).doesNotContain("Rotated-old-0");
        assertThat(subjectOf(erased)).isNull();
        assertThat(subjectOf(old.get(1))).isEqualTo("Rotated-old-1 asks about the key rotation");
    }

    @Test
    void every_data_key_is_shared_again_under_the_new_sharing_key_at_start() throws Exception {
        String fresh = register("Shared-under-s1");
        // the keys of the other test classes were shared under s0; the start of this profile shares them again
        await().atMost(WAIT).untilAsserted(() -> assertThat(status().getMap("sharing.sharedUnder"))
                .containsOnlyKeys("s1"));
        assertThat(status().getString("sharing.currentSharingKeyId")).isEqualTo("s1");
        List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> records = TopicContents.read(Topics.DATA_KEYS)
                .stream().filter(r -> fresh.equals(r.key())).toList();
        assertThat(records).isNotEmpty();
        assertThat(org.lettersvisits.contracts.EventCodec.JSON.readTree(records.get(records.size() - 1).value())
                .path("keyId").asText()).isEqualTo("s1");
    }

    /** The other test classes of this JVM share the database and know only k0: every data key goes back under k0. */
    @AfterEach
    void wrapEverythingUnderK0Again() {
        KeyRewrap back = new KeyRewrap(pool, PetitionerKeys.under(KeyEncryptionKeys.of(Map.of("k0", KeyCheckTest.TEST_K0,
                "k1", K1), "k0")), 500);
        while (back.batch().await().atMost(WAIT) > 0) {
            // next batch
        }
    }
}
