package org.lettersvisits.petition.privacy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.hasItem;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.lettersvisits.testsupport.RealInfrastructure;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The start-up check of the key-encryption keys against a real database: the configured key passes; a different key
 * under the same id, a data key under an id no longer configured, a missing current key, each fails naming the key id
 * and what to do; and the start-up hook throws (Quarkus then does not start) instead of the service failing at its
 * first read. Changes to the shared database are made in transactions rolled back at the end.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class KeyCheckTest {

    static final String TEST_K0 = "ZGV2LW9ubHkta2V5LWVuY3J5cHRpb24ta2V5LTMyYiE=";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    @Inject
    KeyCheck check;

    static String randomKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** Runs {@code work} in a transaction that is rolled back whatever happens. */
    private <T> T rolledBack(Function<SqlClient, Uni<T>> work) {
        return pool.withConnection(connection -> connection.begin().chain(tx -> work.apply(connection)
                .eventually(tx::rollback))).await().atMost(WAIT);
    }

    @Test
    void the_configured_key_passes_and_its_check_value_is_in_the_database() {
        KeyCheck.Checked checked = check.verify(pool).await().atMost(WAIT);

        assertThat(checked.currentId()).isEqualTo("k0");
        assertThat(pool.query("SELECT kek_id FROM key_encryption_key_check").execute().await().atMost(WAIT))
                .extracting(row -> row.getString("kek_id")).contains("k0");
        given().get("/q/health/ready").then().body("checks.name", hasItem("key-encryption keys"))
                .body("checks.find { it.name == 'key-encryption keys' }.status", org.hamcrest.Matchers.equalTo("UP"));
    }

    @Test
    void another_key_under_the_same_id_is_refused_naming_the_id() {
        KeyCheck wrong = KeyCheck.of(KeyEncryptionKeys.of(Map.of("k0", randomKey()), "k0"));

        assertThatThrownBy(() -> wrong.verify(pool).await().atMost(WAIT)).isInstanceOf(KeyCheckFailed.class)
                .hasMessageContaining("key-encryption key k0 does not match")
                .hasMessageContaining("petition.privacy.key-encryption-keys.k0");
    }

    @Test
    void without_a_check_value_a_data_key_under_the_id_must_unwrap_and_then_the_value_is_written() {
        UUID petitionId = UUID.randomUUID();
        KeyCheck wrong = KeyCheck.of(KeyEncryptionKeys.of(Map.of("k0", randomKey()), "k0"));

        assertThatThrownBy(() -> rolledBack(tx -> PetitionerKeys.under(KeyEncryptionKeys.of(Map.of("k0", TEST_K0), "k0"))
                .create(tx, petitionId)
                .chain(() -> tx.query("DELETE FROM key_encryption_key_check WHERE kek_id = 'k0'").execute())
                .chain(() -> wrong.verify(tx)))).isInstanceOf(KeyCheckFailed.class)
                .hasMessageContaining("key-encryption key k0 does not unwrap the data keys stored under k0");

        long written = rolledBack(tx -> tx.query("DELETE FROM key_encryption_key_check WHERE kek_id = 'k0'").execute()
                .chain(() -> check.verify(tx))
                .chain(() -> tx.query("SELECT count(*) AS n FROM key_encryption_key_check WHERE kek_id = 'k0'").execute())
                .map(rows -> rows.iterator().next().getLong("n")));
        assertThat(written).isEqualTo(1);
    }

    @Test
    void data_keys_under_a_key_id_no_longer_configured_are_refused_naming_the_id() {
        assertThatThrownBy(() -> rolledBack(tx -> tx.preparedQuery(
                "INSERT INTO petitioner_key (petition_id, wrapped_key, kek_id) VALUES ($1, $2, 'k7')")
                .execute(Tuple.of(UUID.randomUUID(), Buffer.buffer(new byte[60])))
                .chain(() -> check.verify(tx)))).isInstanceOf(KeyCheckFailed.class)
                .hasMessageContaining("1 data keys are wrapped under key-encryption key k7, which is not configured")
                .hasMessageContaining("put petition.privacy.key-encryption-keys.k7 back");
    }

    @Test
    void a_missing_or_malformed_key_is_refused_naming_the_id() {
        assertThatThrownBy(() -> KeyEncryptionKeys.of(Map.of("k0", TEST_K0), "k1")).isInstanceOf(KeyCheckFailed.class)
                .hasMessageContaining("the current key-encryption key k1")
                .hasMessageContaining("set petition.privacy.key-encryption-keys.k1");
        assertThatThrownBy(() -> KeyEncryptionKeys.of(Map.of(), "k0")).isInstanceOf(KeyCheckFailed.class)
                .hasMessageContaining("k0");
        assertThatThrownBy(() -> KeyEncryptionKeys.of(Map.of("k0", "c2hvcnQ="), "k0")).isInstanceOf(KeyCheckFailed.class)
                .hasMessageContaining("key-encryption key k0 must be 32 bytes");
    }

    @Test
    void the_start_up_hook_throws_when_the_keys_do_not_fit_so_the_service_does_not_start() {
        KeyCheckAtStart atStart = new KeyCheckAtStart(pool,
                KeyCheck.of(KeyEncryptionKeys.of(Map.of("k0", randomKey()), "k0")), WAIT);

        assertThatThrownBy(() -> atStart.onStart(null)).isInstanceOf(KeyCheckFailed.class).hasMessageContaining("k0");
        assertThat(atStart.hasPassed()).isFalse();
    }
}
