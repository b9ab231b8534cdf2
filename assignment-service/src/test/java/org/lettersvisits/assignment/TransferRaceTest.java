package org.lettersvisits.assignment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.lettersvisits.assignment.CaseFixtures.assignedCase;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.lettersvisits.testsupport.RealInfrastructure;
import org.lettersvisits.testsupport.Users;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * An officer acting on a case that the supervisor transferred away a moment before: whatever the
 * officer read (the queue, the case view), the command's transaction sees the transfer and refuses.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class TransferRaceTest {

    @Inject
    Pool pool;

    @Test
    void an_officer_cannot_close_a_case_transferred_away_between_reading_and_closing() {
        UUID id = assignedCase("PUBLIC_SECURITY");
        CaseLifecycleApiTest.post(Users.SUPERVISOR, id, "transfer", Map.of("department", "COURT", "reason", "a court matter"),
                null).statusCode(200).body("department", equalTo("COURT"));
        // the moment between the officer's read and the close: what was read still says public security
        pool.preparedQuery("UPDATE case_view SET department = 'PUBLIC_SECURITY' WHERE id = $1").execute(Tuple.of(id))
                .await().atMost(Duration.ofSeconds(10));

        CaseLifecycleApiTest.post(Users.POLICE, id, "close",
                Map.of("resolution", "resolved according to law", "closedOn", "2026-10-20"), null)
                .statusCode(403).contentType("application/problem+json");

        given().header("Authorization", Users.SUPERVISOR.bearer()).get("/api/cases/" + id).then().statusCode(200)
                .body("status", equalTo("ASSIGNED")).body("department", equalTo("COURT"))
                .body("history.type", not(hasItem("case.closed.v1")));
        CaseLifecycleApiTest.post(Users.JUDGE, id, "accept", null, null).statusCode(200);
    }
}
