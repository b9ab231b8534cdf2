package org.lettersvisits.platform;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.lettersvisits.platform.E2eClient.ASSIGNMENT;
import static org.lettersvisits.platform.E2eClient.FOLLOWUP;
import static org.lettersvisits.platform.E2eClient.PETITION;
import static org.lettersvisits.platform.E2eClient.as;
import static org.lettersvisits.platform.E2eClient.queueIds;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The mandatory return visit across the running services: a closure made while followup-service
 * is stopped still gets its visit when the service comes back, and a dissatisfied visit sends the
 * case back to its department.
 */
@ExtendWith(SharedPlatform.class)
class FollowupJourneyIT {

    private static final Duration EVENTUAL = Duration.ofSeconds(60);

    private static String acceptedCase(String subject) {
        String id = as("reception1", PETITION).body(Map.of("channel", "LETTER", "receivedOn", "2025-09-03",
                "petitioner", Map.of("name", "Zhou Yan"), "subject", subject, "involvesLawAndLitigation", true))
                .post("/api/petitions").then().statusCode(201).extract().path("id");
        Map<String, Object> assignment = Map.of("petitionId", id, "department", "COURT",
                "responsibleLeader", "Vice President Li", "assignedOn", "2025-09-04");
        await().atMost(EVENTUAL).until(() -> as("supervisor1", ASSIGNMENT).body(assignment).post("/api/cases")
                .statusCode() == 201);
        as("judge1", ASSIGNMENT).post("/api/cases/" + id + "/accept").then().statusCode(200);
        return id;
    }

    @Test
    void a_closure_made_while_followup_is_stopped_gets_its_visit_when_it_comes_back() throws Exception {
        String id = acceptedCase("property seizure objection");

        SharedPlatform.stopService("followup-service");
        try {
            as("judge1", ASSIGNMENT).body(Map.of("resolution", "enforcement completed", "closedOn", "2025-10-20"))
                    .post("/api/cases/" + id + "/close").then().statusCode(200);
        } finally {
            SharedPlatform.startService("followup-service");
        }

        await().atMost(EVENTUAL).untilAsserted(() -> as("followup1", FOLLOWUP).queryParam("caseId", id)
                .get("/api/return-visits").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].dueBy", equalTo("2025-11-04")));
    }

    @Test
    void a_dissatisfied_return_visit_reopens_the_case_in_its_department() {
        String id = acceptedCase("judgment not enforced");
        as("judge1", ASSIGNMENT).body(Map.of("resolution", "explained the judgment", "closedOn", "2025-10-20"))
                .post("/api/cases/" + id + "/close").then().statusCode(200);
        await().atMost(EVENTUAL).until(() -> as("followup1", FOLLOWUP).queryParam("caseId", id)
                .get("/api/return-visits").then().extract().jsonPath().getInt("total") == 1);
        String visitId = as("followup1", FOLLOWUP).queryParam("caseId", id).get("/api/return-visits").then()
                .extract().path("items[0].id");

        as("followup1", FOLLOWUP).body(Map.of("visitor", "Visitor S", "satisfaction", "DISSATISFIED",
                "petitionerWithdraws", false, "notes", "still disputes the amount", "reopen", true, "visitedOn", "2025-10-28"))
                .post("/api/return-visits/" + visitId + "/complete").then().statusCode(200);

        await().atMost(EVENTUAL).untilAsserted(() -> as("judge1", ASSIGNMENT).get("/api/cases/" + id).then()
                .body("status", equalTo("ACCEPTED"))
                .body("department", equalTo("COURT"))
                .body("history.type", hasItem("case.reopened.v1")));
        assertThat(queueIds("judge1", "court"), hasItem(id));
        await().atMost(EVENTUAL).untilAsserted(() -> as("reception1", PETITION).get("/api/petitions/" + id).then()
                .body("status", equalTo("ACCEPTED"))
                .body("timeline.type", hasItem("return-visit.completed.v1")));
    }
}
