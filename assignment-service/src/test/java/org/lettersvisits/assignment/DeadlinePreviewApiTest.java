package org.lettersvisits.assignment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;
import org.lettersvisits.testsupport.RealInfrastructure;
import org.lettersvisits.testsupport.Users;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The supervisor board previews the deadline an assignment would get, with the policy POST /api/cases applies. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class DeadlinePreviewApiTest {

    @Test
    void a_routine_case_is_previewed_thirty_days_out_and_a_difficult_one_on_15_december() {
        given().header("Authorization", Users.SUPERVISOR.bearer()).queryParam("assignedOn", "2026-11-20")
                .get("/api/deadlines/preview").then().statusCode(200)
                .body("difficulty", equalTo("ROUTINE")).body("deadline", equalTo("2026-12-20"));
        given().header("Authorization", Users.SUPERVISOR.bearer()).queryParam("assignedOn", "2026-11-20")
                .queryParam("difficulty", "DIFFICULT").get("/api/deadlines/preview").then().statusCode(200)
                .body("deadline", equalTo("2026-12-15"));
    }

    @Test
    void the_preview_matches_what_assigning_then_sets() {
        String previewed = given().header("Authorization", Users.SUPERVISOR.bearer()).queryParam("assignedOn", "2026-11-20")
                .get("/api/deadlines/preview").then().statusCode(200)
                .extract().path("deadline");
        CaseFixtures.assign(CaseFixtures.publishedPetition(true), "COURT",
                java.util.Map.of("assignedOn", "2026-11-20"))
                .statusCode(201).body("deadline", equalTo(previewed));
    }

    @Test
    void bad_input_is_a_problem_and_officers_may_not_ask() {
        given().header("Authorization", Users.SUPERVISOR.bearer()).queryParam("difficulty", "EASY")
                .get("/api/deadlines/preview").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("difficulty"));
        given().header("Authorization", Users.SUPERVISOR.bearer()).queryParam("assignedOn", "20.11.2026")
                .get("/api/deadlines/preview").then().statusCode(400).body("violations.field", hasItem("assignedOn"));
        given().header("Authorization", Users.POLICE.bearer()).get("/api/deadlines/preview").then().statusCode(403);
        given().get("/api/deadlines/preview").then().statusCode(401);
    }
}
