package org.lettersvisits.followup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lettersvisits.contracts.Department;
import org.lettersvisits.contracts.Topics;
import org.lettersvisits.contracts.assignment.CaseAssigned;
import org.lettersvisits.contracts.assignment.CaseClosed;
import org.lettersvisits.contracts.assignment.CasePersonalDataErased;
import org.lettersvisits.contracts.assignment.Difficulty;
import org.lettersvisits.testsupport.CloudEventRecords;
import org.lettersvisits.testsupport.ExportedRows;
import org.lettersvisits.testsupport.RealInfrastructure;
import org.lettersvisits.testsupport.SharedDataKeyRecords;
import org.lettersvisits.testsupport.Users;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * Whom to call: each visit keeps the petition its case was assigned from (CaseAssigned's petitionId) and the worklist
 * asks petition-service for the petitioner's name and masked phone. petition-service does not run in these tests
 * ({@code %test.petition-records.url} is a closed port), so what is tested here is everything up to it and the worklist
 * going on without it; the round trip itself is the platform's browser tests'.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class WhomToCallTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String SUBJECT = "王秀英反映拖欠工资一案";

    private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Test
    void each_visit_keeps_the_petition_its_case_was_assigned_from_also_after_an_erasure() {
        UUID caseId = UUID.randomUUID();
        UUID petitionId = UUID.randomUUID();
        String number = assignAndClose(caseId, petitionId);
        assertThat(ReturnVisitApiTest.visitsOf(caseId, 1).getString("items[0].petitionId")).isEqualTo(petitionId.toString());

        // an id is not personal: a closure after the petitioner's erasure still knows whom petition-service is asked about
        publish(caseId, new CasePersonalDataErased(caseId));
        publish(caseId, new CaseClosed(caseId, number, Department.COURT, "已答复", today.minusDays(1)));
        JsonPath both = ReturnVisitApiTest.visitsOf(caseId, 2);
        assertThat(both.getList("items.petitionId")).containsOnly(petitionId.toString());
        assertThat(both.getList("items.subject")).containsOnlyNulls();
    }

    @Test
    void without_petition_service_the_worklist_answers_with_no_petitioners_and_says_so() {
        UUID caseId = UUID.randomUUID();
        assignAndClose(caseId, UUID.randomUUID());
        ReturnVisitApiTest.visitsOf(caseId, 1);

        given().header("Authorization", Users.FOLLOWUP.bearer()).queryParam("caseId", caseId.toString())
                .get("/api/return-visits").then().statusCode(200)
                .body("petitionersUnavailable", equalTo(true))
                .body("items[0].petitioner", nullValue())
                .body("items[0].subject", equalTo(SUBJECT))
                .body("items[0].attempts", equalTo(0));

        // a page whose visits name no petition asks petition-service nothing, so nothing was unavailable
        UUID unassigned = UUID.randomUUID();
        ReturnVisitApiTest.close(unassigned, today.minusDays(2), UUID.randomUUID());
        ReturnVisitApiTest.visitsOf(unassigned, 1);
        given().header("Authorization", Users.FOLLOWUP.bearer()).queryParam("caseId", unassigned.toString())
                .get("/api/return-visits").then().statusCode(200)
                .body("petitionersUnavailable", equalTo(false)).body("items[0].petitioner", nullValue());
    }

    @Test
    void the_export_names_no_petitioner() {
        UUID caseId = UUID.randomUUID();
        assignAndClose(caseId, UUID.randomUUID());
        ReturnVisitApiTest.visitsOf(caseId, 1);

        List<List<String>> rows = ExportedRows.ofCsv(given().header("Authorization", Users.FOLLOWUP.bearer())
                .queryParam("caseId", caseId.toString()).get("/api/return-visits/export").then().statusCode(200)
                .extract().asByteArray());
        assertThat(rows.get(0)).containsExactly("信访编号", "承办单位", "办结日期", "回访期限", "回访状态", "回访日期", "回访人", "满意度");
        assertThat(rows).hasSize(2);
    }

    @Test
    void revealing_a_phone_is_for_return_visit_officers_and_needs_petition_service_and_a_known_petition() {
        UUID caseId = UUID.randomUUID();
        assignAndClose(caseId, UUID.randomUUID());
        String visit = ReturnVisitApiTest.visitsOf(caseId, 1).getString("items[0].id");

        reveal(visit, Users.FOLLOWUP).statusCode(503).contentType(startsWith("application/problem+json"))
                .body("status", equalTo(503));

        UUID unassigned = UUID.randomUUID();
        ReturnVisitApiTest.close(unassigned, today.minusDays(2), UUID.randomUUID());
        String withoutPetition = ReturnVisitApiTest.visitsOf(unassigned, 1).getString("items[0].id");
        reveal(withoutPetition, Users.FOLLOWUP).statusCode(404).contentType(startsWith("application/problem+json"));
        reveal(UUID.randomUUID().toString(), Users.FOLLOWUP).statusCode(404);

        for (Users user : Users.values()) {
            if (user != Users.FOLLOWUP) {
                reveal(visit, user).statusCode(403);
            }
        }
        given().post("/api/return-visits/" + visit + "/reveal-phone").then().statusCode(401);
    }

    private static io.restassured.response.ValidatableResponse reveal(String visitId, Users user) {
        return given().header("Authorization", user.bearer()).post("/api/return-visits/" + visitId + "/reveal-phone").then();
    }

    /** As assignment-service publishes them: the case assigned from {@code petitionId}, then closed; its number. */
    private String assignAndClose(UUID caseId, UUID petitionId) {
        String number = "XF-2026-" + caseId.toString().substring(0, 8);
        SharedDataKeyRecords.share(caseId); // as petition-service shares every petition's key
        publish(caseId, new CaseAssigned(caseId, petitionId, number, SUBJECT, Department.COURT, "Leader L",
                Difficulty.ROUTINE, today.minusDays(10), today.plusDays(50)));
        publish(caseId, new CaseClosed(caseId, number, Department.COURT, "已督促支付", today.minusDays(2)));
        return number;
    }

    private static void publish(UUID caseId, Object event) {
        try (KafkaCompanion kafka = RealInfrastructure.kafkaCompanion()) {
            kafka.produceStrings().fromRecords(CloudEventRecords.of(Topics.ASSIGNMENT_EVENTS, caseId, event))
                    .awaitCompletion(WAIT);
        }
    }
}
