package org.lettersvisits.assignment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.lettersvisits.assignment.CaseFixtures.assign;
import static org.lettersvisits.assignment.CaseFixtures.assignedCase;
import static org.lettersvisits.assignment.CaseFixtures.publishedPetition;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lettersvisits.testsupport.RealInfrastructure;
import org.lettersvisits.testsupport.Users;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class CaseLifecycleApiTest {

    static ValidatableResponse post(Users user, UUID id, String action, Object body, String ifMatch) {
        var request = given().header("Authorization", user.bearer());
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.post("/api/cases/" + id + "/" + action).then();
    }

    @Test
    void a_difficult_case_is_due_on_15_december_and_its_department_works_it_to_closure() {
        UUID id = publishedPetition(true);
        assign(id, "PUBLIC_SECURITY", Map.of("difficulty", "DIFFICULT", "assignedOn", "2026-10-17"))
                .statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/cases/" + id))
                .header("ETag", "\"1\"")
                .body("status", equalTo("ASSIGNED"))
                .body("deadline", equalTo("2026-12-15"))
                .body("department", equalTo("PUBLIC_SECURITY"))
                .body("responsibleLeader", equalTo("Deputy Director Zhang"))
                .body("version", equalTo(1));

        // accepted today: the Regulations' 60 days run from today, to a working day
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        var statutory = new org.lettersvisits.time.WorkingDayCalendar().periodEnd(today, 60);
        post(Users.POLICE, id, "accept", null, null).statusCode(200).body("status", equalTo("ACCEPTED"))
                .body("acceptedOn", equalTo(today.toString()))
                .body("statutoryHandlingDue.date", equalTo(statutory.date().toString()))
                .body("statutoryHandlingDue.provisional", equalTo(statutory.provisional()));
        assertThat(CaseFixtures.queueItem(Users.POLICE, "public-security", id).getString("statutoryHandlingDue.date"),
                equalTo(statutory.date().toString()));
        post(Users.POLICE, id, "close", Map.of("resolution", "resolved according to law", "closedOn", "2026-11-20"), "\"2\"")
                .statusCode(200).body("status", equalTo("CLOSED")).header("ETag", "\"3\"");

        given().header("Authorization", Users.LEADER.bearer()).get("/api/cases/" + id).then().statusCode(200)
                .header("ETag", "\"3\"")
                .body("history.type", contains("case.assigned.v1", "case.accepted.v1", "case.closed.v1"))
                .body("history[1].actor", equalTo("police1"))
                .body("overdue", equalTo(false));
    }

    @Test
    void a_routine_case_is_due_thirty_days_after_assignment_and_an_explicit_deadline_wins() {
        assign(publishedPetition(true), "COURT", Map.of("assignedOn", "2026-04-22"))
                .statusCode(201).body("deadline", equalTo("2026-05-22"));
        assign(publishedPetition(true), "COURT", Map.of("assignedOn", "2026-04-22", "deadline", "2026-06-30"))
                .statusCode(201).body("deadline", equalTo("2026-06-30"));
        assign(publishedPetition(true), "COURT", Map.of("assignedOn", "2026-04-22", "deadline", "2026-04-21"))
                .statusCode(400).body("violations.field", hasItem("deadline"));
    }

    @Test
    void assigning_an_unknown_petition_gets_404_a_non_law_one_422_and_a_second_case_409() {
        assign(UUID.randomUUID(), "COURT", Map.of()).statusCode(404).contentType("application/problem+json");
        assign(publishedPetition(false), "COURT", Map.of()).statusCode(422);
        UUID id = assignedCase("COURT");
        assign(id, "PROCURATORATE", Map.of()).statusCode(409).contentType("application/problem+json");
    }

    @Test
    void an_invalid_assignment_gets_400_naming_the_fields() {
        given().header("Authorization", Users.SUPERVISOR.bearer()).contentType(ContentType.JSON)
                .body(Map.of("department", "POLICE", "responsibleLeader", "")).post("/api/cases")
                .then().statusCode(400).body("violations.field", hasItem("department"));
        given().header("Authorization", Users.SUPERVISOR.bearer()).contentType(ContentType.JSON)
                .body(Map.of("responsibleLeader", " ")).post("/api/cases")
                .then().statusCode(400).body("violations.field", hasItem("petitionId"))
                .body("violations.field", hasItem("responsibleLeader"));
    }

    @Test
    void a_forbidden_transition_gets_409_and_a_stale_version_412() {
        UUID id = assignedCase("PUBLIC_SECURITY");
        post(Users.POLICE, id, "resume", null, null).statusCode(409).contentType("application/problem+json");
        post(Users.POLICE, id, "accept", null, "\"7\"").statusCode(412).contentType("application/problem+json");
        post(Users.POLICE, id, "accept", null, "\"1\"").statusCode(200);
        post(Users.POLICE, id, "accept", null, null).statusCode(409);
    }

    @Test
    void a_suspended_case_resumes_and_a_transfer_moves_it_to_the_other_queue() {
        UUID id = assignedCase("PUBLIC_SECURITY");
        post(Users.POLICE, id, "suspend", Map.of("reason", "petitioner withdrew the lawsuit"), null)
                .statusCode(200).body("status", equalTo("SUSPENDED"));
        post(Users.SUPERVISOR, id, "resume", null, null).statusCode(200).body("status", equalTo("ACCEPTED"));
        post(Users.SUPERVISOR, id, "transfer", Map.of("department", "COURT", "reason", "the dispute is before the court"), null)
                .statusCode(200).body("department", equalTo("COURT")).body("status", equalTo("ASSIGNED"));

        assertThat(CaseFixtures.queueIds(Users.JUDGE, "court"), hasItem(id.toString()));
        assertThat(CaseFixtures.queueIds(Users.SUPERVISOR, "public-security"), not(hasItem(id.toString())));
        post(Users.POLICE, id, "accept", null, null).statusCode(403);
    }

    @Test
    void a_supervisor_extends_the_statutory_handling_period_once_by_at_most_thirty_days() {
        UUID id = assignedCase("COURT");
        post(Users.SUPERVISOR, id, "extension", Map.of("days", 30, "reason", "expert appraisal pending"), null)
                .statusCode(409).contentType("application/problem+json"); // not accepted yet
        post(Users.JUDGE, id, "accept", null, null).statusCode(200);
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));

        post(Users.SUPERVISOR, id, "extension", Map.of("days", 31, "reason", "too long"), null).statusCode(400)
                .body("violations.field", hasItem("days"));
        post(Users.SUPERVISOR, id, "extension", Map.of("days", 30), null).statusCode(400)
                .body("violations.field", hasItem("reason"));
        post(Users.JUDGE, id, "extension", Map.of("days", 30, "reason", "x"), null).statusCode(403);
        post(Users.SUPERVISOR, id, "extension", Map.of("days", 30, "reason", "expert appraisal pending"), null)
                .statusCode(200).body("handlingExtendedBy", equalTo(30))
                .body("statutoryHandlingDue.date", equalTo(
                        new org.lettersvisits.time.WorkingDayCalendar().periodEnd(today, 90).date().toString()))
                .body("history.type", hasItem("case.handling-extended.v1"));
        post(Users.SUPERVISOR, id, "extension", Map.of("days", 5, "reason", "once more"), null).statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("extended once"));
        assertThat(CaseFixtures.queueItem(Users.JUDGE, "court", id).getString("statutoryHandlingDue.date"),
                equalTo(new org.lettersvisits.time.WorkingDayCalendar().periodEnd(today, 90).date().toString()));
    }

    @Test
    void a_case_entered_late_is_accepted_on_the_day_it_was_and_the_statutory_period_runs_from_then() {
        UUID id = assignedCase("COURT"); // assigned on 14 October 2026
        String tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
        post(Users.JUDGE, id, "accept?acceptedOn=" + tomorrow, null, null).statusCode(400)
                .body("violations.field", hasItem("acceptedOn"));
        post(Users.JUDGE, id, "accept?acceptedOn=2026-10-13", null, null).statusCode(422);
        // 60 days from 15 October end on Monday 14 December
        post(Users.JUDGE, id, "accept?acceptedOn=2026-10-15", null, null).statusCode(200)
                .body("acceptedOn", equalTo("2026-10-15")).body("statutoryHandlingDue.date", equalTo("2026-12-14"));
    }

    @Test
    void a_review_asked_for_within_thirty_days_of_the_answer_reopens_the_case_in_its_queue_once() {
        org.lettersvisits.time.WorkingDayCalendar calendar = new org.lettersvisits.time.WorkingDayCalendar();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        LocalDate answered = today.minusDays(20);
        UUID id = assignedCase("COURT");
        post(Users.SUPERVISOR, id, "review", Map.of("reason", "disputes the answer"), null).statusCode(409); // not answered
        post(Users.JUDGE, id, "accept", null, null).statusCode(200);
        post(Users.JUDGE, id, "close", Map.of("resolution", "compensation paid", "closedOn", answered.toString()), null)
                .statusCode(200).body("answeredOn", equalTo(answered.toString()))
                .body("reviewRequestDue.date", equalTo(calendar.periodEnd(answered, 30).date().toString()))
                .body("reviewDue", org.hamcrest.Matchers.nullValue());

        post(Users.JUDGE, id, "review", Map.of("reason", "x"), null).statusCode(403);
        post(Users.SUPERVISOR, id, "review", Map.of("requestedOn", today.toString()), null).statusCode(400)
                .body("violations.field", hasItem("reason"));
        String due = calendar.periodEnd(today, 30).date().toString();
        post(Users.SUPERVISOR, id, "review", Map.of("reason", "disputes the amount"), null).statusCode(200)
                .body("status", equalTo("ACCEPTED")).body("department", equalTo("COURT"))
                .body("reviewDue", equalTo(due)).body("deadline", equalTo(due))
                .body("history.type", hasItem("case.review-requested.v1"));
        assertThat(CaseFixtures.queueItem(Users.JUDGE, "court", id).getString("reviewDue"), equalTo(due));

        post(Users.JUDGE, id, "close", Map.of("resolution", "upheld on review"), null).statusCode(200);
        post(Users.SUPERVISOR, id, "review", Map.of("reason", "again"), null).statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("once"));
    }

    @Test
    void a_review_asked_for_after_the_statutory_period_is_refused_and_changes_nothing() {
        LocalDate answered = LocalDate.of(2026, 10, 15); // 30 days end on Saturday 14 November, so Monday the 16th
        UUID id = assignedCase("COURT");
        post(Users.JUDGE, id, "close", Map.of("resolution", "explained", "closedOn", answered.toString()), null)
                .statusCode(200).body("reviewRequestDue.date", equalTo("2026-11-16"));
        post(Users.SUPERVISOR, id, "review", Map.of("reason", "late", "requestedOn", "2026-11-17"), null).statusCode(422)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("ended on 2026-11-16"));
        post(Users.SUPERVISOR, id, "review", Map.of("reason", "too early", "requestedOn", "2026-10-14"), null)
                .statusCode(422);
        post(Users.SUPERVISOR, id, "review", Map.of("reason", "on the last day", "requestedOn", "2026-11-16"), null)
                .statusCode(200).body("status", equalTo("ACCEPTED"));
    }

    @Test
    void a_deadline_change_needs_a_reason_and_keeps_the_old_one_in_the_history() {
        UUID id = assignedCase("PROCURATORATE");
        post(Users.LEADER, id, "deadline", Map.of("deadline", "2026-12-15"), null).statusCode(400)
                .body("violations.field", hasItem("reason"));
        post(Users.LEADER, id, "deadline", Map.of("deadline", "2026-12-15", "reason", "expert opinion pending"), null)
                .statusCode(200).body("deadline", equalTo("2026-12-15"))
                .body("history[1].type", equalTo("case.deadline-changed.v1"))
                .body("history[1].details.previousDeadline", equalTo("2026-11-13"))
                .body("history[1].details.reason", equalTo("expert opinion pending"));
    }

    @Test
    void closing_in_the_future_gets_400() {
        UUID id = assignedCase("COURT");
        String tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
        post(Users.JUDGE, id, "close", Map.of("resolution", "x", "closedOn", tomorrow), null).statusCode(400)
                .body("violations.field", hasItem("closedOn"));
    }
}
