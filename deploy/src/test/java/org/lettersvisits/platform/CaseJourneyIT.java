package org.lettersvisits.platform;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.lettersvisits.platform.E2eClient.ASSIGNMENT;
import static org.lettersvisits.platform.E2eClient.PETITION;
import static org.lettersvisits.platform.E2eClient.as;
import static org.lettersvisits.platform.E2eClient.queueIds;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A petition's way through the running platform with real Keycloak tokens: reception registers
 * it, the supervisor assigns it once assignment-service has heard of it, the police accept and
 * close it, and the petition follows its case.
 */
@ExtendWith(SharedPlatform.class)
class CaseJourneyIT {

    private static final Duration EVENTUAL = Duration.ofSeconds(60);

    @Test
    void a_petition_is_registered_assigned_worked_and_closed_across_the_services() {
        String id = as("reception1", PETITION).body(Map.of("channel", "VISIT", "receivedOn", "2025-10-15",
                "petitioner", Map.of("name", "Wang Min", "idNumber", "130100199312266955"), "headcount", 2,
                "subject", "wage arrears lawsuit delayed", "involvesLawAndLitigation", true))
                .post("/api/petitions").then().statusCode(201).body("jointVisitDay", equalTo(true)).extract().path("id");

        Map<String, Object> assignment = Map.of("petitionId", id, "department", "PUBLIC_SECURITY",
                "responsibleLeader", "Deputy Director Zhang", "difficulty", "DIFFICULT", "assignedOn", "2025-10-17");
        await().atMost(EVENTUAL).until(() -> as("supervisor1", ASSIGNMENT).body(assignment).post("/api/cases")
                .statusCode() == 201); // 404 until petition-events reached assignment-service

        assertThat(queueIds("police1", "public-security"), hasItem(id));
        assertThat(queueIds("judge1", "court"), not(hasItem(id)));
        as("judge1", ASSIGNMENT).get("/api/cases/" + id).then().statusCode(403);

        // The If-Match comes from the case as read; the overdue watcher may record CaseBecameOverdue (this
        // deadline is long past) between the read and the accept, and then the police read again.
        await().atMost(EVENTUAL).until(() -> {
            String etag = as("police1", ASSIGNMENT).get("/api/cases/" + id).then().statusCode(200)
                    .extract().header("ETag");
            int status = as("police1", ASSIGNMENT).header("If-Match", etag).post("/api/cases/" + id + "/accept")
                    .then().statusCode(anyOf(equalTo(200), equalTo(412))).extract().statusCode();
            return status == 200;
        });
        as("police1", ASSIGNMENT).get("/api/cases/" + id).then().body("status", equalTo("ACCEPTED"));
        await().atMost(EVENTUAL).untilAsserted(() -> as("police1", PETITION).get("/api/petitions/" + id).then()
                .statusCode(200).body("status", equalTo("ACCEPTED")).body("department", equalTo("PUBLIC_SECURITY")));

        as("police1", ASSIGNMENT).body(Map.of("resolution", "resolved according to law", "closedOn", "2025-11-20"))
                .post("/api/cases/" + id + "/close").then().statusCode(200).body("status", equalTo("CLOSED"));
        as("police1", ASSIGNMENT).post("/api/cases/" + id + "/accept").then().statusCode(409);
        await().atMost(EVENTUAL).untilAsserted(() -> as("reception1", PETITION).get("/api/petitions/" + id).then()
                .body("status", equalTo("CLOSED"))
                .body("timeline.type", hasItem("case.closed.v1")));
    }
}
