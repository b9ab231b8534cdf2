package org.lettersvisits.followup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lettersvisits.contracts.Department;
import org.lettersvisits.contracts.Topics;
import org.lettersvisits.contracts.assignment.CaseClosed;
import org.lettersvisits.testsupport.CloudEventRecords;
import org.lettersvisits.testsupport.ExportedRows;
import org.lettersvisits.testsupport.RealInfrastructure;
import org.lettersvisits.testsupport.SharedDataKeyRecords;
import org.lettersvisits.testsupport.TestTokens;
import org.lettersvisits.testsupport.Users;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * Public security's leader (role leader, claim department = PUBLIC_SECURITY) reads the return visits of public
 * security's cases only, completes none; the committee's leader reads every department's.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class DepartmentLeaderWorklistTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static RequestSpecification asDepartmentLeader() {
        return given().header("Authorization", Users.DEPARTMENT_LEADER.bearer());
    }

    /** A case of public security closed, as assignment-service publishes it. */
    private static UUID publicSecurityClosed() {
        UUID caseId = UUID.randomUUID();
        SharedDataKeyRecords.share(caseId);
        try (KafkaCompanion kafka = RealInfrastructure.kafkaCompanion()) {
            kafka.produceStrings().fromRecords(CloudEventRecords.of(Topics.ASSIGNMENT_EVENTS, caseId, UUID.randomUUID(),
                    new CaseClosed(caseId, "XF-2026-" + caseId.toString().substring(0, 5), Department.PUBLIC_SECURITY,
                            "resolved according to law", LocalDate.of(2026, 9, 3)))).awaitCompletion(WAIT);
        }
        return caseId;
    }

    @Test
    void a_department_leader_reads_and_exports_the_visits_of_their_departments_cases_only() {
        UUID police = publicSecurityClosed();
        UUID court = UUID.randomUUID();
        ReturnVisitApiTest.close(court, LocalDate.of(2026, 9, 3), UUID.randomUUID());
        ReturnVisitApiTest.visitsOf(police, 1);
        String courtVisit = ReturnVisitApiTest.visitsOf(court, 1).getString("items[0].id");

        asDepartmentLeader().queryParam("caseId", police.toString()).get("/api/return-visits").then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(1));
        asDepartmentLeader().queryParam("caseId", court.toString()).get("/api/return-visits").then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(0));
        given().header("Authorization", Users.LEADER.bearer()).queryParam("caseId", court.toString())
                .get("/api/return-visits").then().statusCode(200).body("total", org.hamcrest.Matchers.equalTo(1));

        List<String> departments = asDepartmentLeader().queryParam("size", 100).get("/api/return-visits").then()
                .statusCode(200).extract().jsonPath().getList("items.department");
        assertThat(departments).isNotEmpty().containsOnly("PUBLIC_SECURITY");
        List<List<String>> rows = ExportedRows.ofCsv(asDepartmentLeader().get("/api/return-visits/export").then()
                .statusCode(200).extract().asByteArray());
        assertThat(rows.subList(1, rows.size())).isNotEmpty().allSatisfy(row -> assertThat(row.get(1)).isEqualTo("公安局"));

        asDepartmentLeader().contentType(ContentType.JSON)
                .body(Map.of("visitor", "V", "satisfaction", "SATISFIED", "petitionerWithdraws", true))
                .post("/api/return-visits/" + courtVisit + "/complete").then().statusCode(403);
    }

    @Test
    void a_leader_whose_claim_names_no_department_reads_no_visit() {
        String bearer = "Bearer " + TestTokens.tokenFor("deptleader9", Map.of("department", "COURTS"), "leader");
        given().header("Authorization", bearer).get("/api/return-visits").then().statusCode(403);
        given().header("Authorization", bearer).get("/api/return-visits/export").then().statusCode(403);
    }
}
