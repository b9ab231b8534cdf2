package org.lettersvisits.assignment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lettersvisits.testsupport.ExportedRows;
import org.lettersvisits.testsupport.RealInfrastructure;
import org.lettersvisits.testsupport.TestTokens;
import org.lettersvisits.testsupport.Users;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * A department leader (role leader, token claim department = PUBLIC_SECURITY) reads public security's cases only and
 * acts on none; the committee's leader still reads every department's.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class DepartmentLeaderTest {

    private static RequestSpecification asDepartmentLeader() {
        return given().header("Authorization", Users.DEPARTMENT_LEADER.bearer());
    }

    private static RequestSpecification as(Users user) {
        return given().header("Authorization", user.bearer());
    }

    /** A case of {@code department}, assigned in 2020 and so long past its deadline. */
    private static UUID overdueCase(String department) {
        UUID id = CaseFixtures.publishedPetition(true);
        CaseFixtures.assign(id, department, Map.of("assignedOn", "2020-03-01")).statusCode(201);
        return id;
    }

    @Test
    void a_department_leader_reads_their_departments_case_and_gets_403_on_another_departments() {
        UUID police = CaseFixtures.assignedCase("PUBLIC_SECURITY");
        UUID court = CaseFixtures.assignedCase("COURT");

        asDepartmentLeader().get("/api/cases/" + police).then().statusCode(200).body("department", org.hamcrest.Matchers
                .equalTo("PUBLIC_SECURITY"));
        asDepartmentLeader().get("/api/cases/" + court).then().statusCode(403);
        as(Users.LEADER).get("/api/cases/" + court).then().statusCode(200);
    }

    @Test
    void a_department_leader_reads_their_departments_queue_only() {
        UUID police = CaseFixtures.assignedCase("PUBLIC_SECURITY");
        asDepartmentLeader().get("/api/queues/public-security?size=100").then().statusCode(200);
        assertThat(CaseFixtures.queueIds(Users.POLICE, "public-security")).contains(police.toString());
        for (String other : List.of("court", "procuratorate", "justice-bureau")) {
            asDepartmentLeader().get("/api/queues/" + other).then().statusCode(403);
            asDepartmentLeader().get("/api/queues/" + other + "/export").then().statusCode(403);
            as(Users.LEADER).get("/api/queues/" + other).then().statusCode(200);
        }
        asDepartmentLeader().get("/api/queues/public-security/export").then().statusCode(200);
    }

    @Test
    void a_department_leaders_overdue_list_and_its_export_hold_only_their_departments_cases() {
        UUID police = overdueCase("PUBLIC_SECURITY");
        UUID court = overdueCase("COURT");

        List<String> departments = asDepartmentLeader().get("/api/cases/overdue").then().statusCode(200).extract()
                .jsonPath().getList("department", String.class);
        List<String> ids = asDepartmentLeader().get("/api/cases/overdue").then().extract().jsonPath().getList("id");
        assertThat(departments).isNotEmpty().containsOnly("PUBLIC_SECURITY");
        assertThat(ids).contains(police.toString()).doesNotContain(court.toString());

        List<String> committee = as(Users.LEADER).get("/api/cases/overdue").then().statusCode(200).extract().jsonPath()
                .getList("id");
        assertThat(committee).contains(police.toString(), court.toString());

        String courtNumber = as(Users.LEADER).get("/api/cases/" + court).then().extract().path("caseNumber");
        String policeNumber = as(Users.LEADER).get("/api/cases/" + police).then().extract().path("caseNumber");
        List<String> exported = ExportedRows.ofCsv(asDepartmentLeader().get("/api/cases/overdue/export").then()
                .statusCode(200).extract().asByteArray()).stream().skip(1).map(row -> row.get(0)).toList();
        assertThat(exported).contains(policeNumber).doesNotContain(courtNumber);
    }

    @Test
    void a_department_leader_gains_no_officers_action_and_no_committee_leaders_deadline() {
        UUID police = CaseFixtures.assignedCase("PUBLIC_SECURITY");
        asDepartmentLeader().post("/api/cases/" + police + "/accept").then().statusCode(403);
        CaseLifecycleApiTest.post(Users.POLICE, police, "accept", null, null).statusCode(200);
        asDepartmentLeader().contentType(ContentType.JSON).body(Map.of("resolution", "resolved according to law"))
                .post("/api/cases/" + police + "/close").then().statusCode(403);
        asDepartmentLeader().contentType(ContentType.JSON).body(Map.of("reason", "withdrawn"))
                .post("/api/cases/" + police + "/suspend").then().statusCode(403);
        asDepartmentLeader().contentType(ContentType.JSON).body(Map.of("deadline", "2026-12-31", "reason", "later"))
                .post("/api/cases/" + police + "/deadline").then().statusCode(403);
        as(Users.LEADER).get("/api/cases/" + police).then().statusCode(200).body("status",
                org.hamcrest.Matchers.equalTo("ACCEPTED"));
        as(Users.LEADER).contentType(ContentType.JSON).body(Map.of("deadline", "2026-12-31", "reason", "later"))
                .post("/api/cases/" + police + "/deadline").then().statusCode(200);
    }

    @Test
    void the_assignment_board_is_the_committees() {
        asDepartmentLeader().get("/api/cases/unassigned").then().statusCode(403);
        asDepartmentLeader().get("/api/cases/unassigned/export").then().statusCode(403);
        as(Users.LEADER).get("/api/cases/unassigned").then().statusCode(200);
        asDepartmentLeader().get("/api/deadlines/preview").then().statusCode(200);
    }

    @Test
    void a_leader_whose_claim_names_no_department_reads_nothing() {
        UUID police = CaseFixtures.assignedCase("PUBLIC_SECURITY");
        for (Object claim : List.of("public-security", "TAX_OFFICE", List.of("PUBLIC_SECURITY"))) {
            String bearer = "Bearer " + TestTokens.tokenFor("deptleader9", Map.of("department", claim), "leader");
            given().header("Authorization", bearer).get("/api/cases/" + police).then().statusCode(403);
            given().header("Authorization", bearer).get("/api/cases/overdue").then().statusCode(403);
            given().header("Authorization", bearer).get("/api/queues/public-security").then().statusCode(403);
        }
    }
}
