package org.lettersvisits.assignment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.lettersvisits.assignment.CaseFixtures.assign;
import static org.lettersvisits.assignment.CaseFixtures.assignedCase;
import static org.lettersvisits.assignment.CaseFixtures.publishedPetition;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lettersvisits.testsupport.RealInfrastructure;
import org.lettersvisits.testsupport.Users;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * A command sent again with the same Idempotency-Key after its answer was lost (the first try took effect) is answered
 * with the case as it is, not refused as a conflict the user did not cause, and not recorded twice.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class IdempotentCommandsTest {

    private static ValidatableResponse close(UUID id, String key) {
        var request = given().header("Authorization", Users.POLICE.bearer()).contentType(ContentType.JSON)
                .body(Map.of("resolution", "resolved according to law"));
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.post("/api/cases/" + id + "/close").then();
    }

    @Test
    void a_close_tried_again_with_its_key_is_answered_with_the_closed_case_and_recorded_once() {
        UUID id = assignedCase("PUBLIC_SECURITY");
        String key = UUID.randomUUID().toString();

        close(id, key).statusCode(200).body("status", equalTo("CLOSED")).header("ETag", "\"2\"");
        close(id, key).statusCode(200).body("status", equalTo("CLOSED")).header("ETag", "\"2\""); // the answer was lost

        given().header("Authorization", Users.LEADER.bearer()).get("/api/cases/" + id).then().statusCode(200)
                .body("history.type", org.hamcrest.Matchers.contains("case.assigned.v1", "case.closed.v1"));
        close(id, null).statusCode(409).contentType("application/problem+json"); // without the key: closed already
    }

    @Test
    void a_key_used_for_another_command_is_refused_and_an_assignment_tried_again_is_answered_with_its_case() {
        UUID id = assignedCase("COURT");
        String key = UUID.randomUUID().toString();
        given().header("Authorization", Users.JUDGE.bearer()).header("Idempotency-Key", key)
                .post("/api/cases/" + id + "/accept").then().statusCode(200);
        given().header("Authorization", Users.JUDGE.bearer()).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(Map.of("resolution", "x")).post("/api/cases/" + id + "/close").then().statusCode(422)
                .contentType("application/problem+json");

        UUID petition = publishedPetition(true);
        String assignKey = UUID.randomUUID().toString();
        for (int tryNumber = 0; tryNumber < 2; tryNumber++) {
            given().header("Authorization", Users.SUPERVISOR.bearer()).header("Idempotency-Key", assignKey)
                    .contentType(ContentType.JSON).body(Map.of("petitionId", petition.toString(), "department", "COURT",
                            "responsibleLeader", "Deputy Director Zhang"))
                    .post("/api/cases").then().statusCode(201).body("version", equalTo(1));
        }
        assign(petition, "COURT", Map.of()).statusCode(409); // a second assignment, without the key, is a conflict
    }
}
