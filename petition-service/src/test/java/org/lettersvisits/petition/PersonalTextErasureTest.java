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

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.lettersvisits.contracts.Department;
import org.lettersvisits.contracts.Topics;
import org.lettersvisits.contracts.assignment.CaseClosed;
import org.lettersvisits.contracts.assignment.CaseReopened;
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
 * The free text written by or about an erased petitioner goes from what petition-service shows: the subject from the
 * search view, the reasons and resolutions from the case page's timeline (also of lines added after the erasure), and
 * the erasure is published ({@code petition.personal-data-erased.v1}, the id only) for the other services to do the same.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class PersonalTextErasureTest {

    private static final String NAME = "孙丽华";
    private static final String PHONE = "13566667777";

    @Inject
    Pool pool;

    @Test
    void the_subject_and_the_timelines_free_text_go_with_the_person_and_the_erasure_is_published() {
        String id = given().header("Authorization", Users.RECEPTION.bearer()).contentType(ContentType.JSON)
                .body(with(visit(), "subject", NAME + "反映工资被拖欠（电话 " + PHONE + "）")).post("/api/petitions")
                .then().statusCode(201).extract().path("id");
        UUID petitionId = UUID.fromString(id);
        publish(petitionId, new CaseClosed(petitionId, "XF", Department.COURT, "已为" + NAME + "追回工资",
                LocalDate.of(2026, 11, 2)));
        await().atMost(Duration.ofSeconds(30)).until(() -> petitionPage(id).contains("已为" + NAME));

        given().header("Authorization", Users.ADMIN.bearer()).contentType(ContentType.JSON)
                .body(Map.of("reason", "本人申请删除个人信息")).post("/api/admin/petitioners/" + id + "/erasure").then()
                .statusCode(200);

        assertThat(petitionPage(id)).doesNotContain(NAME).doesNotContain(PHONE).contains("case.closed.v1");
        assertThat(stored("SELECT subject FROM petition_view WHERE id = $1", petitionId)).containsExactly("");
        assertThat(stored("SELECT coalesce(detail, '') || coalesce(facts::text, '') FROM timeline_entry WHERE petition_id = $1",
                petitionId)).noneMatch(text -> text.contains(NAME));

        publish(petitionId, new CaseReopened(petitionId, Department.COURT, NAME + "复查不满意", LocalDate.of(2026, 11, 20)));
        await().atMost(Duration.ofSeconds(30)).until(() -> petitionPage(id).contains("case.reopened.v1"));
        assertThat(petitionPage(id)).doesNotContain(NAME);

        assertThat(TopicContents.read(Topics.PETITION_EVENTS)).filteredOn(r -> id.equals(r.key()))
                .extracting(r -> new String(r.headers().lastHeader("ce_type").value()))
                .contains("petition.personal-data-erased.v1");
    }

    private static void publish(UUID key, Object event) {
        try (KafkaCompanion kafka = RealInfrastructure.kafkaCompanion()) {
            kafka.produceStrings().fromRecords(CloudEventRecords.of(Topics.ASSIGNMENT_EVENTS, key, event))
                    .awaitCompletion(Duration.ofSeconds(30));
        }
    }

    private static String petitionPage(String id) {
        return given().header("Authorization", Users.SUPERVISOR.bearer()).get("/api/petitions/" + id).then()
                .statusCode(200).extract().asString();
    }

    private List<String> stored(String sql, UUID id) {
        return pool.preparedQuery(sql).execute(Tuple.of(id)).await().atMost(Duration.ofSeconds(5)).stream()
                .map(row -> row.getString(0)).toList();
    }
}
