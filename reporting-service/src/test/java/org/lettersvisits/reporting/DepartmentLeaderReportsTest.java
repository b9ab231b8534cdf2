package org.lettersvisits.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lettersvisits.testsupport.ExportedRows;
import org.lettersvisits.testsupport.RealInfrastructure;
import org.lettersvisits.testsupport.TestTokens;
import org.lettersvisits.testsupport.Users;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * Public security's leader (role leader, claim department = PUBLIC_SECURITY) reads public security's figures only, on
 * {@link ReportingApiTest}'s year 2019: three cases received, one closed, one suspended, one open and overdue, and the
 * closed one's return visit; the court's transferred case and the year's five petitions are not theirs.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class DepartmentLeaderReportsTest {

    private static final String YEAR = "?from=2019-01-01&to=2019-12-31";

    @BeforeEach
    void theYearIsPublished() {
        ReportingApiTest.publishTheYear();
    }

    private static RequestSpecification asDepartmentLeader() {
        return given().header("Authorization", Users.DEPARTMENT_LEADER.bearer());
    }

    private static void onlyPublicSecurity(JsonPath s) {
        assertThat(s.getString("department")).isEqualTo("PUBLIC_SECURITY");
        assertThat(s.getList("departments.department")).containsExactly("PUBLIC_SECURITY");
        assertThat(s.getMap("departments[0]")).containsEntry("received", 3).containsEntry("closed", 1)
                .containsEntry("suspended", 1).containsEntry("open", 1).containsEntry("overdue", 1);
        assertThat(s.getMap("total")).containsEntry("received", 3).containsEntry("closed", 1).containsEntry("open", 1)
                .containsEntry("overdue", 1);
        assertThat(s.getMap("returnVisits")).containsEntry("scheduled", 1).containsEntry("completed", 1);
        assertThat(s.getMap("").get("petitions")).as("the petitions of the period are the committee's").isNull();
    }

    @Test
    void a_department_leaders_summary_holds_their_departments_figures_only() {
        onlyPublicSecurity(asDepartmentLeader().get("/api/reports/summary" + YEAR).then().statusCode(200).extract()
                .jsonPath());
        onlyPublicSecurity(asDepartmentLeader().get("/api/reports/summary?asOf=2019-12-31").then().statusCode(200)
                .extract().jsonPath());

        JsonPath committee = given().header("Authorization", Users.LEADER.bearer()).get("/api/reports/summary" + YEAR)
                .then().statusCode(200).extract().jsonPath();
        assertThat(committee.getList("departments")).hasSize(4);
        assertThat(committee.getMap("total")).containsEntry("received", 4);
        assertThat(committee.getMap("petitions")).containsEntry("registered", 5);
        assertThat(committee.getMap("")).doesNotContainKey("department");
    }

    @Test
    void a_department_leaders_csv_holds_their_line_and_its_total() {
        byte[] csv = asDepartmentLeader().get("/api/reports/summary.csv" + YEAR).then().statusCode(200).extract()
                .asByteArray();
        String[] lines = new String(csv, StandardCharsets.UTF_8).substring(1).split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).isEqualTo("公安,PUBLIC_SECURITY,3,1,1,1,1,1,1");
        assertThat(lines[2]).isEqualTo("合计,TOTAL,3,1,1,1,1,1,1");
    }

    @Test
    void a_department_leaders_overdue_list_and_its_export_hold_their_departments_cases_only() {
        List<String> ids = asDepartmentLeader().get("/api/reports/overdue").then().statusCode(200).extract().jsonPath()
                .getList("caseId");
        List<String> departments = asDepartmentLeader().get("/api/reports/overdue").then().extract().jsonPath()
                .getList("department");
        assertThat(ids).contains(ReportingApiTest.overdue.toString()).doesNotContain(ReportingApiTest.transferred.toString());
        assertThat(departments).containsOnly("PUBLIC_SECURITY");
        assertThat(given().header("Authorization", Users.LEADER.bearer()).get("/api/reports/overdue").then().extract()
                .jsonPath().getList("caseId", String.class)).contains(ReportingApiTest.transferred.toString());

        List<List<String>> rows = ExportedRows.ofCsv(asDepartmentLeader().get("/api/reports/overdue/export").then()
                .statusCode(200).extract().asByteArray());
        assertThat(rows.subList(1, rows.size())).isNotEmpty().allSatisfy(row -> assertThat(row.get(1)).isEqualTo("公安局"));
    }

    @Test
    void the_year_end_report_is_the_committees() {
        asDepartmentLeader().get("/api/reports/annual?year=2019").then().statusCode(403);
        given().header("Authorization", Users.LEADER.bearer()).get("/api/reports/annual?year=2019").then().statusCode(200);
    }

    @Test
    void a_leader_whose_claim_names_no_department_reads_no_figure() {
        String bearer = "Bearer " + TestTokens.tokenFor("deptleader9", Map.of("department", "public-security"), "leader");
        for (String path : List.of("/api/reports/summary", "/api/reports/summary.csv", "/api/reports/overdue",
                "/api/reports/overdue/export", "/api/reports/annual")) {
            given().header("Authorization", bearer).get(path).then().statusCode(403);
        }
    }
}
