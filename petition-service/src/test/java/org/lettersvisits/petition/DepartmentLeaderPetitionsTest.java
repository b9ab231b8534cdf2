package org.lettersvisits.petition;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.lettersvisits.petition.PetitionBodies.visit;
import static org.lettersvisits.petition.PetitionBodies.withPetitioner;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.lettersvisits.contracts.Department;
import org.lettersvisits.contracts.Topics;
import org.lettersvisits.contracts.assignment.CaseAssigned;
import org.lettersvisits.contracts.assignment.Difficulty;
import org.lettersvisits.testsupport.CloudEventRecords;
import org.lettersvisits.testsupport.ExportedRows;
import org.lettersvisits.testsupport.RealInfrastructure;
import org.lettersvisits.testsupport.TestTokens;
import org.lettersvisits.testsupport.Users;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * Public security's leader (role leader, claim department = PUBLIC_SECURITY) finds and reads only the petitions whose
 * case public security holds, masked as every leader sees them; the committee's leader reads them all.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class DepartmentLeaderPetitionsTest {

    private static RequestSpecification asDepartmentLeader() {
        return given().header("Authorization", Users.DEPARTMENT_LEADER.bearer());
    }

    private static String register(String name) {
        return given().header("Authorization", Users.RECEPTION.bearer()).contentType(ContentType.JSON)
                .body(withPetitioner(visit(), "name", name)).post("/api/petitions").then().statusCode(201).extract()
                .path("id");
    }

    /** The petition's case assigned to {@code department}, as assignment-service publishes it, and heard here. */
    private static void assigned(String id, Department department) {
        UUID caseId = UUID.fromString(id);
        try (KafkaCompanion kafka = RealInfrastructure.kafkaCompanion()) {
            kafka.produceStrings().fromRecords(CloudEventRecords.of(Topics.ASSIGNMENT_EVENTS, caseId, new CaseAssigned(caseId,
                    caseId, "XF", "subject", department, "Deputy Director Zhang", Difficulty.ROUTINE,
                    LocalDate.of(2026, 10, 15), LocalDate.of(2026, 11, 14)))).awaitCompletion(Duration.ofSeconds(30));
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> department.name().equals(given()
                .header("Authorization", Users.LEADER.bearer()).get("/api/petitions/" + id).then().extract()
                .path("department")));
    }

    @Test
    void a_department_leader_finds_reads_and_exports_only_their_departments_petitions() {
        String name = "Zhou " + UUID.randomUUID().toString().substring(0, 8);
        String police = register(name);
        String court = register(name);
        String waiting = register(name);
        assigned(police, Department.PUBLIC_SECURITY);
        assigned(court, Department.COURT);

        asDepartmentLeader().get("/api/petitions/" + police).then().statusCode(200)
                .body("petitioner.idNumber", org.hamcrest.Matchers.equalTo("130100********6955"))
                .body("petitioner.phone", org.hamcrest.Matchers.equalTo("139****5656"));
        asDepartmentLeader().get("/api/petitions/" + court).then().statusCode(403);
        asDepartmentLeader().get("/api/petitions/" + waiting).then().statusCode(403);
        given().header("Authorization", Users.LEADER.bearer()).get("/api/petitions/" + court).then().statusCode(200);

        assertThat(asDepartmentLeader().queryParam("q", name).get("/api/petitions").then().statusCode(200).extract()
                .jsonPath().getList("items.id", String.class)).containsExactly(police);
        assertThat(asDepartmentLeader().contentType(ContentType.JSON).body(Map.of("q", name)).post("/api/petitions/search")
                .then().statusCode(200).extract().jsonPath().getList("items.id", String.class)).containsExactly(police);
        assertThat(given().header("Authorization", Users.LEADER.bearer()).queryParam("q", name).get("/api/petitions")
                .then().statusCode(200).extract().jsonPath().getList("items.id", String.class))
                .containsExactlyInAnyOrder(police, court, waiting);

        List<List<String>> rows = ExportedRows.ofCsv(asDepartmentLeader().contentType(ContentType.JSON)
                .body(Map.of("q", name)).post("/api/petitions/export").then().statusCode(200).extract().asByteArray());
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1)).contains("公安局");
    }

    @Test
    void naming_another_department_is_403_and_their_own_is_answered() {
        asDepartmentLeader().queryParam("department", "COURT").get("/api/petitions").then().statusCode(403);
        asDepartmentLeader().contentType(ContentType.JSON).body(Map.of("department", "COURT"))
                .post("/api/petitions/search").then().statusCode(403);
        asDepartmentLeader().contentType(ContentType.JSON).body(Map.of("department", "COURT"))
                .post("/api/petitions/export").then().statusCode(403);
        asDepartmentLeader().queryParam("department", "PUBLIC_SECURITY").get("/api/petitions").then().statusCode(200)
                .body("items.department", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.equalTo("PUBLIC_SECURITY")));
    }

    @Test
    void a_department_leader_registers_nothing_and_prints_no_receipt() {
        String police = register("Qian " + UUID.randomUUID().toString().substring(0, 8));
        assigned(police, Department.PUBLIC_SECURITY);
        asDepartmentLeader().contentType(ContentType.JSON).body(visit()).post("/api/petitions").then().statusCode(403);
        asDepartmentLeader().get("/api/petitions/" + police + "/receipt").then().statusCode(403);
        asDepartmentLeader().contentType(ContentType.JSON).body(Map.of("note", "again"))
                .post("/api/petitions/" + police + "/visits").then().statusCode(403);
    }

    @Test
    void a_leader_whose_claim_names_no_department_finds_nothing() {
        String bearer = "Bearer " + TestTokens.tokenFor("deptleader9", Map.of("department", "PUBLIC SECURITY"), "leader");
        given().header("Authorization", bearer).get("/api/petitions").then().statusCode(403);
        given().header("Authorization", bearer).get("/api/petitions/" + register("Sun")).then().statusCode(403);
        given().header("Authorization", bearer).contentType(ContentType.JSON).body(Map.of())
                .post("/api/petitions/search").then().statusCode(403);
    }
}
