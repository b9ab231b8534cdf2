package org.lettersvisits.petition;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.lettersvisits.petition.PetitionBodies.visit;
import static org.lettersvisits.petition.PetitionBodies.withPetitioner;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lettersvisits.contracts.Department;
import org.lettersvisits.testsupport.RealInfrastructure;
import org.lettersvisits.testsupport.Users;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * A petition's case file ({@code GET /api/petitions/{id}/case-file}) and the reveal of its petitioner's phone and
 * address ({@code POST .../petitioner/reveal}), as assignment- and followup-service ask for them with the user's own
 * token: the same readers as the petition's detail, plus the return-visit office once the case was ever closed; the
 * petitioner masked in the case file for every reader, whole in a reveal; each one recorded in the access log.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class CaseFileTest {

    private static final String ADDRESS = "北京市海淀区中关村大街27号3单元502";
    private static final String MASKED_ADDRESS = "北京市海淀区" + "*".repeat(14);

    private static String register() {
        return given().header("Authorization", Users.RECEPTION.bearer()).contentType(ContentType.JSON)
                .body(withPetitioner(visit(), "address", ADDRESS)).post("/api/petitions").then().statusCode(201)
                .extract().path("id");
    }

    private static Response caseFile(Users user, String id) {
        return given().header("Authorization", user.bearer()).get("/api/petitions/" + id + "/case-file");
    }

    private static Response reveal(Users user, String id) {
        return given().header("Authorization", user.bearer()).post("/api/petitions/" + id + "/petitioner/reveal");
    }

    /** The accesses of one kind that showed {@code id}, newest first. */
    private static JsonPath accesses(String id, String kind) {
        return given().header("Authorization", Users.ADMIN.bearer()).queryParam("petitionId", id).queryParam("kind", kind)
                .get("/api/admin/record-views").then().statusCode(200).extract().jsonPath();
    }

    /** Every access that showed {@code id}, of any kind. */
    private static JsonPath accesses(String id) {
        return given().header("Authorization", Users.ADMIN.bearer()).queryParam("petitionId", id)
                .get("/api/admin/record-views").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void the_case_file_is_the_petitions_detail_with_the_petitioner_masked_for_every_reader_and_each_read_recorded() {
        String id = register();
        CaseEvents.assigned(id, Department.COURT);
        Map<String, Object> asALeaderSeesIt = given().header("Authorization", Users.LEADER.bearer())
                .get("/api/petitions/" + id).then().statusCode(200).extract().jsonPath().getMap("");

        for (Users user : List.of(Users.RECEPTION, Users.SUPERVISOR, Users.LEADER, Users.JUDGE)) {
            JsonPath file = caseFile(user, id).then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
            assertThat(file.getString("petitioner.name")).as(user.name()).isEqualTo("Wang Min");
            assertThat(file.getString("petitioner.phone")).as(user.name()).isEqualTo("139****5656");
            assertThat(file.getString("petitioner.address")).as(user.name()).isEqualTo(MASKED_ADDRESS);
            assertThat(file.getString("petitioner.idNumber")).as(user.name()).isEqualTo("130100********6955");
            assertThat(file.getMap("")).as("%s: the shape and content of GET /api/petitions/{id}, masked", user.name())
                    .isEqualTo(asALeaderSeesIt);
        }

        JsonPath reads = accesses(id, "CASE_FILE");
        assertThat(reads.getList("items.viewer")).containsExactly("judge1", "leader1", "supervisor1", "reception1");
        assertThat(reads.getList("items.petitionId")).containsOnly(id);
        assertThat(reads.getList("items.petitionIds")).containsOnly(List.of(id));
        assertThat(reads.getList("items.searchedBy")).containsOnlyNulls();
        assertThat(accesses(id, "FULL_RECORD").getInt("total")).as("nobody was shown the petitioner whole").isZero();
    }

    @Test
    void a_reveal_gives_the_phone_and_address_whole_to_each_reader_and_is_recorded() {
        String id = register();
        CaseEvents.assigned(id, Department.COURT);

        for (Users user : List.of(Users.RECEPTION, Users.SUPERVISOR, Users.LEADER, Users.JUDGE)) {
            reveal(user, id).then().statusCode(200).contentType(ContentType.JSON)
                    .body("phone", equalTo("13942175656"))
                    .body("address", equalTo(ADDRESS))
                    .body("size()", equalTo(2));
        }

        JsonPath reveals = accesses(id, "REVEAL");
        assertThat(reveals.getList("items.viewer")).containsExactly("judge1", "leader1", "supervisor1", "reception1");
        assertThat(reveals.getList("items.petitionId")).containsOnly(id);
        assertThat(accesses(id, "CASE_FILE").getInt("total")).as("a reveal is not a case file").isZero();
    }

    @Test
    void another_departments_officer_or_leader_is_refused_both_and_nothing_is_recorded() {
        String court = register();
        CaseEvents.assigned(court, Department.COURT);
        String police = register();
        CaseEvents.assigned(police, Department.PUBLIC_SECURITY);

        for (Users user : List.of(Users.POLICE, Users.PROCURATOR, Users.DEPARTMENT_LEADER)) {
            caseFile(user, court).then().statusCode(403).contentType("application/problem+json")
                    .body("detail", containsString("not held by your department"));
            reveal(user, court).then().statusCode(403).contentType("application/problem+json");
        }
        assertThat(accesses(court, "CASE_FILE").getInt("total")).isZero();
        assertThat(accesses(court, "REVEAL").getInt("total")).isZero();

        // their own department's: the officer and the department leader read it
        caseFile(Users.POLICE, police).then().statusCode(200).body("petitioner.phone", equalTo("139****5656"));
        caseFile(Users.DEPARTMENT_LEADER, police).then().statusCode(200);
        reveal(Users.DEPARTMENT_LEADER, police).then().statusCode(200).body("phone", equalTo("13942175656"));
        assertThat(accesses(police, "CASE_FILE").getList("items.viewer")).containsExactly("deptleader1", "police1");
        assertThat(accesses(police, "REVEAL").getList("items.viewer")).containsExactly("deptleader1");
    }

    @Test
    void a_petition_no_department_holds_yet_is_refused_to_every_officer() {
        String waiting = register();
        for (Users user : List.of(Users.POLICE, Users.PROCURATOR, Users.JUDGE, Users.JUSTICE, Users.DEPARTMENT_LEADER)) {
            caseFile(user, waiting).then().statusCode(403);
            reveal(user, waiting).then().statusCode(403);
        }
        caseFile(Users.RECEPTION, waiting).then().statusCode(200);
    }

    @Test
    void the_return_visit_office_reads_the_case_file_once_the_case_was_closed_and_still_after_it_was_reopened() {
        String id = register();
        CaseEvents.assigned(id, Department.COURT);

        caseFile(Users.FOLLOWUP, id).then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("never been closed"));
        reveal(Users.FOLLOWUP, id).then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("never been closed"));
        assertThat(accesses(id, "CASE_FILE").getInt("total")).isZero();
        assertThat(accesses(id, "REVEAL").getInt("total")).isZero();

        CaseEvents.closed(id, Department.COURT);
        caseFile(Users.FOLLOWUP, id).then().statusCode(200).body("status", equalTo("CLOSED"))
                .body("petitioner.phone", equalTo("139****5656")).body("petitioner.address", equalTo(MASKED_ADDRESS));
        reveal(Users.FOLLOWUP, id).then().statusCode(200).body("phone", equalTo("13942175656"));

        CaseEvents.reopened(id, Department.COURT);
        caseFile(Users.FOLLOWUP, id).then().statusCode(200).body("status", equalTo("ACCEPTED"));
        reveal(Users.FOLLOWUP, id).then().statusCode(200).body("address", equalTo(ADDRESS));

        assertThat(accesses(id, "CASE_FILE").getList("items.viewer")).containsExactly("followup1", "followup1");
        assertThat(accesses(id, "REVEAL").getList("items.viewer")).containsExactly("followup1", "followup1");
    }

    @Test
    void a_return_visit_tells_the_case_was_closed_when_the_closure_itself_was_not_heard() {
        String id = register();
        CaseEvents.returnVisitScheduled(id, Department.PROCURATORATE);
        caseFile(Users.FOLLOWUP, id).then().statusCode(200);
        reveal(Users.FOLLOWUP, id).then().statusCode(200);
    }

    @Test
    void an_erased_petitioner_has_nothing_to_reveal_and_the_case_file_says_they_were_erased() {
        String id = register();
        given().header("Authorization", Users.ADMIN.bearer()).contentType(ContentType.JSON)
                .body(Map.of("reason", "the petitioner's request")).post("/api/admin/petitioners/" + id + "/erasure")
                .then().statusCode(200);

        reveal(Users.SUPERVISOR, id).then().statusCode(410).contentType("application/problem+json")
                .body("status", equalTo(410)).body("detail", containsString("erased"));
        assertThat(accesses(id, "REVEAL").getInt("total")).as("nothing was revealed").isZero();

        caseFile(Users.SUPERVISOR, id).then().statusCode(200).body("petitionerErased", equalTo(true))
                .body("petitioner", org.hamcrest.Matchers.nullValue())
                .body("description", org.hamcrest.Matchers.nullValue());
        assertThat(accesses(id, "CASE_FILE").getInt("total")).isOne();
    }

    @Test
    void an_unknown_petition_is_404_for_every_reader_the_return_visit_office_included() {
        String unknown = UUID.randomUUID().toString();
        for (Users user : List.of(Users.FOLLOWUP, Users.RECEPTION, Users.JUDGE)) {
            caseFile(user, unknown).then().statusCode(404).contentType("application/problem+json");
            reveal(user, unknown).then().statusCode(404).contentType("application/problem+json");
        }
        assertThat(accesses(unknown).getInt("total")).isZero();
    }

    @Test
    void administrators_and_callers_without_a_token_read_no_case_file() {
        String id = register();
        caseFile(Users.ADMIN, id).then().statusCode(403);
        reveal(Users.ADMIN, id).then().statusCode(403);
        given().get("/api/petitions/" + id + "/case-file").then().statusCode(401);
        given().post("/api/petitions/" + id + "/petitioner/reveal").then().statusCode(401);
    }
}
