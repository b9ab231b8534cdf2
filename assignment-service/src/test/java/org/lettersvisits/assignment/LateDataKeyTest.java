package org.lettersvisits.assignment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import javax.crypto.SecretKey;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.lettersvisits.contracts.Topics;
import org.lettersvisits.contracts.petition.Channel;
import org.lettersvisits.contracts.petition.PetitionRegistered;
import org.lettersvisits.privacy.AesGcm;
import org.lettersvisits.privacy.SealedText;
import org.lettersvisits.testsupport.RealInfrastructure;
import org.lettersvisits.testsupport.SharedDataKeyRecords;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A petition whose sealed subject arrives before its data key (two topics, no order between them): the consumer holds
 * the record and retries in place, not ready meanwhile, and applies it, opened, once the key arrives; nothing is
 * dead-lettered or lost.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class LateDataKeyTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    Pool pool;

    private static String eventConsumersCheck() {
        return "checks.find { it.name == 'event consumers' }";
    }

    private String subjectKnown(UUID petitionId) {
        var rows = pool.preparedQuery("SELECT subject FROM known_petition WHERE id = $1").execute(Tuple.of(petitionId))
                .await().atMost(Duration.ofSeconds(5));
        return rows.size() == 0 ? null : rows.iterator().next().getString(0);
    }

    @Test
    void a_sealed_petition_that_overtakes_its_key_waits_for_it_and_is_then_applied_in_clear() {
        UUID petitionId = UUID.randomUUID();
        SecretKey dataKey = AesGcm.newKey();
        PetitionRegistered sealed = new PetitionRegistered(petitionId, "XF-2026-LATE" + petitionId.toString().substring(0, 4),
                Channel.LETTER, LocalDate.of(2026, 11, 20), 1, SealedText.seal("陈国强反映拆迁补偿", dataKey, petitionId), true,
                null, false);

        CaseFixtures.publish(petitionId, sealed);

        await().atMost(WAIT).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(503)
                .body(eventConsumersCheck() + ".status", equalTo("DOWN"))
                .body(eventConsumersCheck() + ".data.'" + Topics.PETITION_EVENTS + "'", containsString("data key")));
        assertThat(subjectKnown(petitionId)).as("not applied without its key").isNull();

        try (KafkaCompanion kafka = RealInfrastructure.kafkaCompanion()) {
            kafka.produceStrings().fromRecords(SharedDataKeyRecords.keyRecord(petitionId, dataKey.getEncoded()))
                    .awaitCompletion(WAIT);
        }

        await().atMost(WAIT).until(() -> "陈国强反映拆迁补偿".equals(subjectKnown(petitionId)));
        await().atMost(WAIT).untilAsserted(() -> given().get("/q/health/ready").then()
                .body(eventConsumersCheck() + ".status", equalTo("UP")));
    }
}
