package org.lettersvisits.petition;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.lettersvisits.petition.PetitionBodies.visit;
import static org.lettersvisits.petition.PetitionBodies.with;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.SecretKey;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.lettersvisits.contracts.Department;
import org.lettersvisits.contracts.EventCodec;
import org.lettersvisits.contracts.Topics;
import org.lettersvisits.contracts.assignment.CaseClosed;
import org.lettersvisits.petition.privacy.PetitionerKeys;
import org.lettersvisits.privacy.SealedText;
import org.lettersvisits.privacy.SharedDataKey;
import org.lettersvisits.privacy.SharingKeys;
import org.lettersvisits.testsupport.CloudEventRecords;
import org.lettersvisits.testsupport.RealInfrastructure;
import org.lettersvisits.testsupport.TopicContents;
import org.lettersvisits.testsupport.Users;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The free text written by or about a petitioner is sealed under their data key wherever it is kept and cannot be
 * rewritten (the event store, the outbox, petition-events), shown in clear to staff while the key exists, and the key
 * is shared with the other services and withdrawn when the person is erased.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class SealedFreeTextTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String NAME = "郑秀英";
    private static final String PHONE = "13655558888";

    @Inject
    Pool pool;

    @Inject
    PetitionerKeys keys;

    @Inject
    SharingKeys sharingKeys;

    @Test
    void the_subject_description_and_notes_are_sealed_where_they_are_kept_and_read_in_clear_by_staff() {
        String id = given().header("Authorization", Users.RECEPTION.bearer()).contentType(ContentType.JSON)
                .body(with(with(visit(), "subject", NAME + "反映工资被拖欠"), "description", "联系电话 " + PHONE))
                .post("/api/petitions").then().statusCode(201).extract().path("id");
        UUID petitionId = UUID.fromString(id);
        Reception.repeatVisit(id, NAME + "再次来访");

        assertThat(count("SELECT count(*) FROM event WHERE aggregate_id = $1 AND payload::text LIKE '%sealed:v1:%'",
                petitionId)).as("registration and repeat visit, sealed").isEqualTo(2);
        assertThat(count("SELECT count(*) FROM event WHERE payload::text LIKE '%" + NAME + "%' OR payload::text LIKE '%"
                + PHONE + "%'", null)).as("event rows holding the name or phone").isZero();
        assertThat(count("SELECT count(*) FROM outbox WHERE payload::text LIKE '%" + NAME + "%'", null)).isZero();
        assertThat(petitionPage(id)).contains(NAME + "反映工资被拖欠").contains(PHONE).contains(NAME + "再次来访");

        await().atMost(WAIT).until(() -> recordsOf(Topics.PETITION_EVENTS, id).size() == 2);
        assertThat(recordsOf(Topics.PETITION_EVENTS, id)).allSatisfy(r -> assertThat(r.value()).doesNotContain(NAME));
        await().atMost(WAIT).until(() -> !recordsOf(Topics.DATA_KEYS, id).isEmpty());
        SecretKey dataKey = keys.find(pool, petitionId).await().atMost(WAIT).orElseThrow();
        assertThat(sharingKeys.open(shared(recordsOf(Topics.DATA_KEYS, id).get(0))).getEncoded())
                .as("the shared key is the petitioner's").isEqualTo(dataKey.getEncoded());

        // a closure sealed by assignment-service under the shared key is opened into the case page
        publish(petitionId, new CaseClosed(petitionId, "XF", Department.COURT,
                SealedText.seal("已为" + NAME + "追回工资", dataKey, petitionId), LocalDate.of(2026, 11, 2)));
        await().atMost(WAIT).until(() -> petitionPage(id).contains("已为" + NAME + "追回工资"));

        given().header("Authorization", Users.ADMIN.bearer()).contentType(ContentType.JSON)
                .body(Map.of("reason", "本人申请删除个人信息")).post("/api/admin/petitioners/" + id + "/erasure").then()
                .statusCode(200);

        await().atMost(WAIT).until(() -> recordsOf(Topics.DATA_KEYS, id).size() == 2);
        assertThat(recordsOf(Topics.DATA_KEYS, id).get(1).value()).as("the key withdrawn: a tombstone").isNull();
        assertThat(petitionPage(id)).doesNotContain(NAME).doesNotContain(PHONE);
    }

    private static SharedDataKey shared(ConsumerRecord<String, String> record) {
        try {
            return EventCodec.JSON.readValue(record.value(), SharedDataKey.class);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static List<ConsumerRecord<String, String>> recordsOf(String topic, String id) {
        return TopicContents.read(topic).stream().filter(r -> id.equals(r.key())).toList();
    }

    private static void publish(UUID key, Object event) {
        try (KafkaCompanion kafka = RealInfrastructure.kafkaCompanion()) {
            kafka.produceStrings().fromRecords(CloudEventRecords.of(Topics.ASSIGNMENT_EVENTS, key, event))
                    .awaitCompletion(WAIT);
        }
    }

    private static String petitionPage(String id) {
        return given().header("Authorization", Users.SUPERVISOR.bearer()).get("/api/petitions/" + id).then()
                .statusCode(200).extract().asString();
    }

    private long count(String sql, UUID id) {
        return pool.preparedQuery(sql).execute(id == null ? Tuple.tuple() : Tuple.of(id)).await().atMost(WAIT)
                .iterator().next().getLong(0);
    }
}
