package org.lettersvisits.assignment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.lettersvisits.assignment.CaseFixtures.assignedCase;
import static org.lettersvisits.testsupport.Users.ADMIN;
import static org.lettersvisits.testsupport.Users.DEPARTMENT_LEADER;
import static org.lettersvisits.testsupport.Users.FOLLOWUP;
import static org.lettersvisits.testsupport.Users.JUDGE;
import static org.lettersvisits.testsupport.Users.JUSTICE;
import static org.lettersvisits.testsupport.Users.LEADER;
import static org.lettersvisits.testsupport.Users.POLICE;
import static org.lettersvisits.testsupport.Users.PROCURATOR;
import static org.lettersvisits.testsupport.Users.RECEPTION;
import static org.lettersvisits.testsupport.Users.SUPERVISOR;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lettersvisits.contracts.Topics;
import org.lettersvisits.contracts.followup.ReturnVisitCompleted;
import org.lettersvisits.contracts.followup.Satisfaction;
import org.lettersvisits.contracts.petition.PersonalDataErased;
import org.lettersvisits.testsupport.CloudEventRecords;
import org.lettersvisits.testsupport.RealInfrastructure;
import org.lettersvisits.testsupport.Users;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * The case file ({@code GET /api/cases/{id}/file}) and its reveal ({@code POST .../file/reveal}) for everyone who works
 * the case, and for no one else. petition-service does not run here ({@code petition-records.url} is a closed port):
 * the file answers with the case's own part and {@code petitionUnavailable}, the reveal with 503; a caller refused by
 * assignment gets 403 instead, for the case is checked before petition-service is asked.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class CaseFileApiTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static ValidatableResponse file(Users user, UUID caseId) {
        return given().header("Authorization", user.bearer()).get("/api/cases/" + caseId + "/file").then();
    }

    private static ValidatableResponse reveal(Users user, UUID caseId) {
        return given().header("Authorization", user.bearer()).post("/api/cases/" + caseId + "/file/reveal").then();
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    private static UUID closedCourtCase() {
        UUID caseId = assignedCase("COURT");
        CaseLifecycleApiTest.post(JUDGE, caseId, "accept", null, null).statusCode(200);
        CaseLifecycleApiTest.post(JUDGE, caseId, "close", Map.of("resolution", "explained the judgment; the wages were paid",
                "closedOn", "2026-11-02"), null).statusCode(200);
        return caseId;
    }

    @Test
    void reception_supervisors_leaders_and_the_holding_department_read_the_file() {
        UUID caseId = assignedCase("COURT");
        for (Users reader : List.of(RECEPTION, SUPERVISOR, LEADER, JUDGE)) {
            file(reader, caseId).statusCode(200).body("caseId", org.hamcrest.Matchers.equalTo(caseId.toString()));
        }
    }

    @Test
    void another_department_gets_403_as_for_the_case_itself() {
        UUID caseId = assignedCase("COURT");
        for (Users other : List.of(POLICE, PROCURATOR, JUSTICE)) {
            given().header("Authorization", other.bearer()).get("/api/cases/" + caseId).then().statusCode(403);
            file(other, caseId).statusCode(403).contentType("application/problem+json");
        }
    }

    @Test
    void a_department_leader_reads_their_departments_file_only() {
        file(DEPARTMENT_LEADER, assignedCase("PUBLIC_SECURITY")).statusCode(200);
        file(DEPARTMENT_LEADER, assignedCase("COURT")).statusCode(403);
    }

    @Test
    void followup_reads_the_file_once_the_case_was_closed_and_still_after_it_was_reopened() {
        UUID caseId = assignedCase("COURT");
        file(FOLLOWUP, caseId).statusCode(403);
        reveal(FOLLOWUP, caseId).statusCode(403);

        String etag = CaseLifecycleApiTest.post(JUDGE, caseId, "close", Map.of("resolution", "explained the judgment",
                "closedOn", "2026-11-02"), null).statusCode(200).extract().header("ETag");
        file(FOLLOWUP, caseId).statusCode(200).body("status", org.hamcrest.Matchers.equalTo("CLOSED"));

        dissatisfiedVisitReopens(caseId, Integer.parseInt(etag.replace("\"", "")));
        file(FOLLOWUP, caseId).statusCode(200).body("status", org.hamcrest.Matchers.equalTo("ACCEPTED"));
    }

    /** One closed court case for every role: closed, so the return-visit officers are among its readers. */
    private static UUID closedForEveryRole;

    @ParameterizedTest(name = "{0}")
    @EnumSource(Users.class)
    void on_a_closed_case_the_readers_get_the_file_and_every_other_role_403(Users user) {
        if (closedForEveryRole == null) {
            closedForEveryRole = closedCourtCase();
        }
        boolean reader = List.of(RECEPTION, SUPERVISOR, LEADER, JUDGE, FOLLOWUP).contains(user);
        file(user, closedForEveryRole).statusCode(reader ? 200 : 403);
        reveal(user, closedForEveryRole).statusCode(reader ? 503 : 403);
    }

    @Test
    void an_unknown_case_is_404_for_every_reader() {
        UUID unknown = UUID.randomUUID();
        for (Users reader : List.of(SUPERVISOR, RECEPTION, FOLLOWUP, JUDGE)) {
            file(reader, unknown).statusCode(404).contentType("application/problem+json");
            reveal(reader, unknown).statusCode(404);
        }
    }

    @Test
    void without_petition_service_the_file_holds_the_cases_own_part_with_its_deadlines_and_says_the_rest_is_missing() {
        UUID caseId = assignedCase("COURT");
        JsonPath details = given().header("Authorization", SUPERVISOR.bearer()).get("/api/cases/" + caseId).then()
                .statusCode(200).extract().jsonPath();

        ValidatableResponse answer = file(JUDGE, caseId).statusCode(200).header("ETag", "\"1\"");
        JsonPath file = answer.extract().jsonPath();
        assertThat(file.getBoolean("petitionUnavailable")).isTrue();
        assertThat(file.getMap("$")).containsEntry("petitioner", null).containsEntry("description", null)
                .containsEntry("timeline", null).containsEntry("returnVisits", null).containsEntry("answer", null);
        assertThat(file.getString("caseNumber")).isEqualTo(details.getString("caseNumber"));
        assertThat(file.getString("petitionId")).isEqualTo(caseId.toString());
        assertThat(file.getString("subject")).isEqualTo("wage arrears lawsuit delayed");
        assertThat(file.getString("department")).isEqualTo("COURT");
        assertThat(file.getString("responsibleLeader")).isEqualTo("Deputy Director Zhang");
        assertThat(file.getString("difficulty")).isEqualTo("ROUTINE");
        assertThat(file.getString("assignedOn")).isEqualTo("2026-10-14");
        assertThat(file.getInt("version")).isEqualTo(1);

        // assigned on 14 October: the leadership's 30 days are past, the Regulations' 60 run from the assignment
        LocalDate statutory = LocalDate.parse(details.getString("statutoryHandlingDue.date"));
        assertThat(file.getList("deadlines.kind", String.class)).containsExactly("LEADERSHIP", "STATUTORY_HANDLING");
        assertThat(file.getString("deadlines[0].due")).isEqualTo("2026-11-13");
        assertThat(file.getLong("deadlines[0].daysLeft")).isEqualTo(ChronoUnit.DAYS.between(today(), LocalDate.of(2026, 11, 13)))
                .isNegative();
        assertThat(file.getString("deadlines[1].due")).isEqualTo(statutory.toString());
        assertThat(file.getLong("deadlines[1].daysLeft")).isEqualTo(ChronoUnit.DAYS.between(today(), statutory));
    }

    @Test
    void a_closed_cases_file_holds_the_answer_and_the_last_day_to_ask_for_a_review() {
        UUID caseId = closedCourtCase();
        JsonPath details = given().header("Authorization", SUPERVISOR.bearer()).get("/api/cases/" + caseId).then()
                .statusCode(200).extract().jsonPath();

        JsonPath file = file(RECEPTION, caseId).statusCode(200).extract().jsonPath();
        assertThat(file.getString("status")).isEqualTo("CLOSED");
        assertThat(file.getString("answer.resolution")).isEqualTo("explained the judgment; the wages were paid");
        assertThat(file.getString("answer.answeredOn")).isEqualTo("2026-11-02");
        assertThat(file.getList("deadlines.kind", String.class)).containsExactly("REVIEW_REQUEST");
        assertThat(file.getString("deadlines[0].due")).isEqualTo(details.getString("reviewRequestDue.date"));
        assertThat(file.getBoolean("petitionUnavailable")).isTrue();
    }

    @Test
    void a_suspended_cases_answer_is_the_reason_it_was_suspended() {
        UUID caseId = assignedCase("COURT");
        CaseLifecycleApiTest.post(JUDGE, caseId, "accept", null, null).statusCode(200);
        CaseLifecycleApiTest.post(JUDGE, caseId, "suspend", Map.of("reason", "the petitioner withdrew the lawsuit",
                "suspendedOn", "2026-11-05"), null).statusCode(200);

        JsonPath file = file(SUPERVISOR, caseId).statusCode(200).extract().jsonPath();
        assertThat(file.getString("answer.resolution")).isEqualTo("the petitioner withdrew the lawsuit");
        assertThat(file.getString("answer.answeredOn")).isEqualTo("2026-11-05");
        assertThat(file.getList("deadlines")).isEmpty();
    }

    @Test
    void once_the_petitioner_is_erased_the_file_shows_nothing_written_by_or_about_them() {
        UUID caseId = closedCourtCase();
        CaseFixtures.publish(caseId, new PersonalDataErased(caseId));
        await().atMost(WAIT).until(() -> file(SUPERVISOR, caseId).statusCode(200).extract().jsonPath()
                .getBoolean("petitionerErased"));

        JsonPath file = file(SUPERVISOR, caseId).extract().jsonPath();
        assertThat(file.getString("subject")).isNull();
        assertThat(file.getString("answer.resolution")).isNull();
        assertThat(file.getString("answer.answeredOn")).isEqualTo("2026-11-02");
        assertThat(file.getString("status")).isEqualTo("CLOSED");
    }

    @Test
    void the_reveal_is_503_while_petition_service_cannot_answer_and_403_for_another_department_before_asking_it() {
        UUID caseId = assignedCase("COURT");
        for (Users reader : List.of(JUDGE, RECEPTION, SUPERVISOR)) {
            reveal(reader, caseId).statusCode(503).contentType("application/problem+json")
                    .body("status", org.hamcrest.Matchers.equalTo(503));
        }
        // refused by assignment's own case, not by a failed call to petition-service (which would be 503)
        for (Users other : List.of(POLICE, PROCURATOR, JUSTICE, DEPARTMENT_LEADER, FOLLOWUP, ADMIN)) {
            reveal(other, caseId).statusCode(403);
        }
    }

    /** Publishes a dissatisfied visit of the closure at {@code closureVersion}, as followup-service would; waits for the reopening. */
    private static void dissatisfiedVisitReopens(UUID caseId, int closureVersion) {
        try (KafkaCompanion kafka = RealInfrastructure.kafkaCompanion()) {
            kafka.produceStrings().fromRecords(CloudEventRecords.of(Topics.FOLLOWUP_EVENTS, caseId, UUID.randomUUID(),
                    new ReturnVisitCompleted(UUID.randomUUID(), caseId, LocalDate.of(2026, 11, 9), "Visitor S",
                            Satisfaction.DISSATISFIED, false, "still disputes the amount", true, closureVersion)))
                    .awaitCompletion(WAIT);
        }
        await().atMost(WAIT).until(() -> "ACCEPTED".equals(given().header("Authorization", SUPERVISOR.bearer())
                .get("/api/cases/" + caseId).then().statusCode(200).extract().path("status")));
    }
}
