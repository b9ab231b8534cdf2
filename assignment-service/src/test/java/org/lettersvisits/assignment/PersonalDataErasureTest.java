package org.lettersvisits.assignment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.lettersvisits.contracts.Topics;
import org.lettersvisits.contracts.petition.PersonalDataErased;
import org.lettersvisits.contracts.petition.PetitionRegistered;
import org.lettersvisits.testsupport.CloudEventRecords;
import org.lettersvisits.testsupport.RealInfrastructure;
import org.lettersvisits.testsupport.SharedDataKeyRecords;
import org.lettersvisits.testsupport.TopicContents;
import org.lettersvisits.testsupport.Users;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A petitioner erased in petition-service ({@code PersonalDataErased} on petition-events): assignment blanks the
 * petition's subject, records on the case that its person was erased, and from then on the case, its queue line and
 * its history show none of the free text written by or about them; its status, dates and department stay.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class PersonalDataErasureTest {

    private static final String NAME = "王秀英";
    private static final String PHONE = "13912345678";

    private static final String SEALED_NAME = "钱文斌";
    private static final String SEALED_PHONE = "13811112222";

    @Inject
    Pool pool;

    @Test
    void an_erased_petitioner_leaves_no_free_text_in_the_case_its_queue_or_its_history() {
        PetitionRegistered petition = CaseFixtures.publishedPetition("欠薪纠纷：" + NAME + "（" + PHONE + "）");
        UUID caseId = petition.petitionId();
        CaseFixtures.assign(caseId, "COURT", Map.of()).statusCode(201);
        CaseLifecycleApiTest.post(Users.JUDGE, caseId, "close",
                Map.of("resolution", "已为" + NAME + "追回工资，电话 " + PHONE + " 告知"), null).statusCode(200);
        assertThat(caseText(caseId)).contains(NAME, PHONE);

        CaseFixtures.publish(caseId, new PersonalDataErased(caseId));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(caseText(caseId))
                .doesNotContain(NAME).doesNotContain(PHONE).contains("case.personal-data-erased.v1"));
        given().header("Authorization", Users.SUPERVISOR.bearer()).get("/api/cases/" + caseId).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("CLOSED"))
                .body("department", org.hamcrest.Matchers.equalTo("COURT"));
        assertThat(column("SELECT subject FROM known_petition WHERE id = $1", caseId)).isEmpty();
        assertThat(column("SELECT subject FROM case_view WHERE id = $1", caseId)).isEmpty();
        assertThat(TopicContents.read(Topics.ASSIGNMENT_EVENTS)).filteredOn(r -> caseId.toString().equals(r.key()))
                .extracting(r -> new String(r.headers().lastHeader("ce_type").value()))
                .contains("case.personal-data-erased.v1");
    }

    @Test
    void the_subject_and_resolution_are_sealed_in_the_event_store_the_outbox_and_the_topic_and_go_with_the_key() {
        // a name and phone of its own: the erasure test above reads the whole court queue
        PetitionRegistered petition = CaseFixtures.publishedPetition("欠薪纠纷：" + SEALED_NAME + "（" + SEALED_PHONE + "）");
        UUID caseId = petition.petitionId();
        CaseFixtures.assign(caseId, "COURT", Map.of()).statusCode(201);
        CaseLifecycleApiTest.post(Users.JUDGE, caseId, "close", Map.of("resolution", "电话 " + SEALED_PHONE + " 告知结果"), null)
                .statusCode(200);

        assertThat(count("SELECT count(*) FROM event WHERE aggregate_id = $1 AND payload::text LIKE '%sealed:v1:%'", caseId))
                .as("the assignment and the closure, sealed").isEqualTo(2);
        assertThat(count("SELECT count(*) FROM event WHERE aggregate_id = $1 AND payload::text LIKE '%" + SEALED_PHONE + "%'",
                caseId)).isZero();
        assertThat(count("SELECT count(*) FROM outbox WHERE aggregate_id = $1 AND payload::text LIKE '%" + SEALED_PHONE + "%'",
                caseId)).isZero();
        assertThat(caseText(caseId)).as("staff read it in clear").contains(SEALED_NAME, "电话 " + SEALED_PHONE + " 告知结果");
        await().atMost(Duration.ofSeconds(30)).until(() -> TopicContents.read(Topics.ASSIGNMENT_EVENTS).stream()
                .filter(r -> caseId.toString().equals(r.key())).count() == 2);
        assertThat(TopicContents.read(Topics.ASSIGNMENT_EVENTS)).filteredOn(r -> caseId.toString().equals(r.key()))
                .allSatisfy(r -> assertThat(r.value()).doesNotContain(SEALED_NAME).doesNotContain(SEALED_PHONE).contains("sealed:v1:"));

        // petition-service withdraws the key (an erasure): the history, read from the event store, has no text left
        try (KafkaCompanion kafka = RealInfrastructure.kafkaCompanion()) {
            kafka.produceStrings().fromRecords(SharedDataKeyRecords.withdrawal(caseId)).awaitCompletion(Duration.ofSeconds(30));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(given()
                .header("Authorization", Users.SUPERVISOR.bearer()).get("/api/cases/" + caseId).then().statusCode(200)
                .extract().jsonPath().getString("history")).doesNotContain(SEALED_PHONE));

        // then its erasure arrives: the case still records it (the key gone first must not read as "already erased")
        CaseFixtures.publish(caseId, new PersonalDataErased(caseId));
        await().atMost(Duration.ofSeconds(30)).until(() -> caseText(caseId).contains("case.personal-data-erased.v1"));
    }

    private long count(String sql, UUID id) {
        return pool.preparedQuery(sql).execute(Tuple.of(id)).await().atMost(Duration.ofSeconds(10)).iterator().next()
                .getLong(0);
    }

    @Test
    void an_erasure_heard_twice_is_recorded_on_the_case_once() {
        UUID caseId = CaseFixtures.assignedCase("COURT");
        CaseFixtures.publish(caseId, new PersonalDataErased(caseId));
        await().atMost(Duration.ofSeconds(30)).until(() -> caseText(caseId).contains("case.personal-data-erased.v1"));

        UUID again = UUID.randomUUID();
        try (KafkaCompanion kafka = RealInfrastructure.kafkaCompanion()) {
            kafka.produceStrings().fromRecords(CloudEventRecords.of(Topics.PETITION_EVENTS, caseId, again,
                    new PersonalDataErased(caseId))).awaitCompletion(Duration.ofSeconds(30));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> pool.preparedQuery(
                "SELECT 1 FROM processed_event WHERE event_id = $1").execute(Tuple.of(again)).await()
                .atMost(Duration.ofSeconds(5)).size() == 1);

        List<String> types = given().header("Authorization", Users.SUPERVISOR.bearer()).get("/api/cases/" + caseId)
                .then().statusCode(200).extract().jsonPath().getList("history.type", String.class);
        assertThat(types.stream().filter("case.personal-data-erased.v1"::equals)).hasSize(1);
    }

    private static String caseText(UUID caseId) {
        return given().header("Authorization", Users.SUPERVISOR.bearer()).get("/api/cases/" + caseId).then()
                .statusCode(200).extract().asString()
                + given().header("Authorization", Users.JUDGE.bearer()).queryParam("status", "ALL").queryParam("size", 100)
                        .get("/api/queues/court").then().statusCode(200).extract().asString();
    }

    private String column(String sql, UUID id) {
        return pool.preparedQuery(sql).execute(Tuple.of(id)).await().atMost(Duration.ofSeconds(10)).iterator().next()
                .getString(0);
    }
}
