package org.lettersvisits.petition;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.lettersvisits.petition.PetitionBodies.visit;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lettersvisits.contracts.Department;
import org.lettersvisits.contracts.Topics;
import org.lettersvisits.contracts.assignment.CaseAssigned;
import org.lettersvisits.contracts.assignment.Difficulty;
import org.lettersvisits.testsupport.CloudEventRecords;
import org.lettersvisits.testsupport.RealInfrastructure;
import org.lettersvisits.testsupport.Users;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * Who sees a petitioner's numbers whole: reception and supervisors on the petition's detail, and every
 * such view is recorded for administrators; leaders and the holding department see them masked, as
 * every list does.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class NeedToKnowTest {

    private static final String ID_NUMBER = "130100199312266955";
    private static final String PHONE = "13942175656";

    private static String register() {
        return given().header("Authorization", Users.RECEPTION.bearer()).contentType(ContentType.JSON).body(visit())
                .post("/api/petitions").then().statusCode(201).extract().path("id");
    }

    private static JsonPath detail(Users user, String id) {
        return given().header("Authorization", user.bearer()).get("/api/petitions/" + id).then().statusCode(200)
                .extract().jsonPath();
    }

    /** Who was shown the full record of {@code id}, newest first. */
    private static List<String> viewers(String id) {
        return given().header("Authorization", Users.ADMIN.bearer()).queryParam("petitionId", id)
                .queryParam("kind", "FULL_RECORD").get("/api/admin/record-views").then().statusCode(200).extract()
                .jsonPath().getList("items.viewer");
    }

    @Test
    void reception_and_supervisors_see_the_numbers_whole_and_each_view_is_recorded() {
        String id = register();

        assertThat(detail(Users.RECEPTION, id).getString("petitioner.idNumber")).isEqualTo(ID_NUMBER);
        assertThat(detail(Users.SUPERVISOR, id).getString("petitioner.phone")).isEqualTo(PHONE);

        assertThat(viewers(id)).containsExactly("supervisor1", "reception1");
        given().header("Authorization", Users.ADMIN.bearer()).queryParam("petitionId", id).get("/api/admin/record-views")
                .then().body("total", equalTo(2)).body("items[0].petitionId", equalTo(id))
                .body("items[0].kind", equalTo("FULL_RECORD"));
    }

    @Test
    void the_address_is_masked_as_the_phone_is_and_shown_whole_only_where_the_view_is_recorded() {
        String address = "北京市海淀区中关村大街27号3单元502";
        String id = given().header("Authorization", Users.RECEPTION.bearer()).contentType(ContentType.JSON)
                .body(PetitionBodies.withPetitioner(visit(), "address", address)).post("/api/petitions").then()
                .statusCode(201).extract().path("id");

        assertThat(detail(Users.LEADER, id).getString("petitioner.address")).isEqualTo("北京市海淀区" + "*".repeat(14));
        assertThat(viewers(id)).isEmpty();
        assertThat(detail(Users.SUPERVISOR, id).getString("petitioner.address")).isEqualTo(address);
        assertThat(viewers(id)).containsExactly("supervisor1");
    }

    @Test
    void leaders_and_the_holding_department_see_them_masked_and_are_not_recorded_as_seeing_them() {
        String id = register();
        UUID caseId = UUID.fromString(id);
        try (KafkaCompanion kafka = RealInfrastructure.kafkaCompanion()) {
            kafka.produceStrings().fromRecords(CloudEventRecords.of(Topics.ASSIGNMENT_EVENTS, caseId, new CaseAssigned(caseId,
                    caseId, "XF", "subject", Department.COURT, "Vice President Li", Difficulty.ROUTINE,
                    LocalDate.of(2026, 10, 15), LocalDate.of(2026, 11, 14)))).awaitCompletion(java.time.Duration.ofSeconds(30));
        }
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> given()
                .header("Authorization", Users.JUDGE.bearer()).get("/api/petitions/" + id).statusCode() == 200);

        for (Users user : List.of(Users.LEADER, Users.JUDGE)) {
            JsonPath petition = detail(user, id);
            assertThat(petition.getString("petitioner.idNumber")).as(user.name()).isEqualTo("130100********6955");
            assertThat(petition.getString("petitioner.phone")).as(user.name()).isEqualTo("139****5656");
            assertThat(petition.getString("petitioner.name")).as(user.name()).isEqualTo("Wang Min");
        }
        assertThat(viewers(id)).isEmpty();
    }

    @Test
    void lists_never_show_an_id_number_whole() {
        register();
        JsonPath page = given().header("Authorization", Users.SUPERVISOR.bearer()).queryParam("q", "Wang Min")
                .get("/api/petitions").then().statusCode(200).extract().jsonPath();
        assertThat(page.getList("items.idNumber", String.class)).isNotEmpty()
                .allSatisfy(number -> assertThat(number).doesNotContain("19931226"));
    }
}
