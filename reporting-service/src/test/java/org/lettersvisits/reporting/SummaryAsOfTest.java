package org.lettersvisits.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.lettersvisits.contracts.Department;
import org.lettersvisits.contracts.Topics;
import org.lettersvisits.contracts.assignment.CaseAssigned;
import org.lettersvisits.contracts.assignment.CaseClosed;
import org.lettersvisits.contracts.assignment.CaseResumed;
import org.lettersvisits.contracts.assignment.CaseSuspended;
import org.lettersvisits.contracts.assignment.Difficulty;
import org.lettersvisits.contracts.followup.ReturnVisitCompleted;
import org.lettersvisits.contracts.followup.ReturnVisitScheduled;
import org.lettersvisits.contracts.followup.Satisfaction;
import org.lettersvisits.contracts.petition.Channel;
import org.lettersvisits.contracts.petition.PetitionRegistered;
import org.lettersvisits.testsupport.CloudEventRecords;
import org.lettersvisits.testsupport.RealInfrastructure;
import org.lettersvisits.testsupport.Users;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * The board as of a past day, by the business dates the events carry, in a year of its own (2013), entered all at once
 * today as a late year is: public security receives a case in March (deadline 4 April) closed on 10 May with a return
 * visit completed on 20 May; the court one in June (deadline 5 July), suspended on 1 September, resumed on 1 October.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class SummaryAsOfTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static PetitionRegistered petition(UUID id, LocalDate receivedOn) {
        return new PetitionRegistered(id, "XF-2013-" + id.toString().substring(0, 5), Channel.VISIT, receivedOn, 1,
                "dispute", true, null, false);
    }

    private static CaseAssigned assigned(UUID id, Department department, LocalDate on, LocalDate deadline) {
        return new CaseAssigned(id, id, "XF-2013-" + id.toString().substring(0, 5), "dispute", department, "Leader Q",
                Difficulty.ROUTINE, on, deadline);
    }

    private static JsonPath asOf(String day) {
        return given().header("Authorization", Users.LEADER.bearer()).get("/api/reports/summary?asOf=" + day)
                .then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> line(JsonPath summary, String department) {
        return summary.getMap("departments.find { it.department == '" + department + "' }");
    }

    @Test
    void the_table_stands_as_it_did_at_the_end_of_each_day_by_the_dates_the_events_carry() {
        UUID police = UUID.randomUUID();
        UUID court = UUID.randomUUID();
        UUID visit = UUID.randomUUID();
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        records.add(CloudEventRecords.of(Topics.PETITION_EVENTS, police, UUID.randomUUID(),
                petition(police, LocalDate.of(2013, 3, 1)), 1));
        records.add(CloudEventRecords.of(Topics.PETITION_EVENTS, court, UUID.randomUUID(),
                petition(court, LocalDate.of(2013, 6, 1)), 1));
        records.add(CloudEventRecords.of(Topics.ASSIGNMENT_EVENTS, police, UUID.randomUUID(), assigned(police,
                Department.PUBLIC_SECURITY, LocalDate.of(2013, 3, 5), LocalDate.of(2013, 4, 4)), 1));
        records.add(CloudEventRecords.of(Topics.ASSIGNMENT_EVENTS, police, UUID.randomUUID(),
                new CaseClosed(police, "XF", Department.PUBLIC_SECURITY, "solved", LocalDate.of(2013, 5, 10)), 2));
        records.add(CloudEventRecords.of(Topics.ASSIGNMENT_EVENTS, court, UUID.randomUUID(), assigned(court,
                Department.COURT, LocalDate.of(2013, 6, 5), LocalDate.of(2013, 7, 5)), 1));
        records.add(CloudEventRecords.of(Topics.ASSIGNMENT_EVENTS, court, UUID.randomUUID(),
                new CaseSuspended(court, Department.COURT, "expert opinion", LocalDate.of(2013, 9, 1)), 2));
        records.add(CloudEventRecords.of(Topics.ASSIGNMENT_EVENTS, court, UUID.randomUUID(),
                new CaseResumed(court, LocalDate.of(2013, 10, 1)), 3));
        records.add(CloudEventRecords.of(Topics.FOLLOWUP_EVENTS, visit, UUID.randomUUID(), new ReturnVisitScheduled(visit,
                police, "XF", Department.PUBLIC_SECURITY, LocalDate.of(2013, 5, 10), LocalDate.of(2013, 5, 25)), 1));
        records.add(CloudEventRecords.of(Topics.FOLLOWUP_EVENTS, visit, UUID.randomUUID(), new ReturnVisitCompleted(visit,
                police, LocalDate.of(2013, 5, 20), "Visitor S", Satisfaction.SATISFIED, true, null, false), 2));
        try (KafkaCompanion kafka = RealInfrastructure.kafkaCompanion()) {
            kafka.produceStrings().fromRecords(records).awaitCompletion(WAIT);
        }
        // entered today: the live board already counts the whole year
        await().atMost(WAIT).untilAsserted(() -> assertThat(given().header("Authorization", Users.LEADER.bearer())
                .get("/api/reports/summary?from=2013-01-01&to=2013-12-31").then().statusCode(200).extract().jsonPath()
                .getMap("returnVisits")).containsEntry("completed", 1));

        JsonPath april = asOf("2013-04-01");
        assertThat(april.getString("asOf")).isEqualTo("2013-04-01");
        assertThat(april.getString("from")).as("the period defaults to the day's year").isEqualTo("2013-01-01");
        assertThat(line(april, "PUBLIC_SECURITY")).containsEntry("received", 1).containsEntry("open", 1)
                .containsEntry("overdue", 0);
        assertThat(line(april, "COURT")).containsEntry("received", 0);
        assertThat(april.getMap("petitions")).containsEntry("registered", 1);

        assertThat(line(asOf("2013-04-20"), "PUBLIC_SECURITY")).as("past its deadline of 4 April")
                .containsEntry("open", 1).containsEntry("overdue", 1);

        JsonPath may = asOf("2013-05-15");
        assertThat(line(may, "PUBLIC_SECURITY")).containsEntry("closed", 1).containsEntry("open", 0)
                .containsEntry("overdue", 0);
        assertThat(may.getMap("returnVisits")).containsEntry("scheduled", 1).containsEntry("pending", 1)
                .containsEntry("completed", 0);

        JsonPath june = asOf("2013-06-10");
        assertThat(line(june, "COURT")).containsEntry("received", 1).containsEntry("open", 1);
        assertThat(june.getMap("petitions")).containsEntry("registered", 2);
        assertThat(june.getMap("returnVisits")).containsEntry("completed", 1).containsEntry("satisfied", 1);

        assertThat(line(asOf("2013-09-15"), "COURT")).containsEntry("suspended", 1).containsEntry("open", 0)
                .containsEntry("overdue", 0);
        assertThat(line(asOf("2013-10-15"), "COURT")).as("resumed on 1 October, past its deadline of 5 July")
                .containsEntry("suspended", 0).containsEntry("open", 1).containsEntry("overdue", 1);
        assertThat(asOf("2013-10-15").getMap("total")).containsEntry("received", 2).containsEntry("closed", 1);

        // the live board is untouched by what an as-of question replayed
        JsonPath live = given().header("Authorization", Users.LEADER.bearer())
                .get("/api/reports/summary?from=2013-01-01&to=2013-12-31").then().statusCode(200).extract().jsonPath();
        assertThat(live.getString("asOf")).isNull();
        assertThat(line(live, "COURT")).containsEntry("received", 1).containsEntry("open", 1);
    }

    @Test
    void a_day_in_the_future_or_not_a_date_is_refused() {
        String tomorrow = LocalDate.now().plusDays(2).toString();
        given().header("Authorization", Users.LEADER.bearer()).get("/api/reports/summary?asOf=" + tomorrow).then()
                .statusCode(400).contentType("application/problem+json").body("violations.field", hasItem("asOf"));
        given().header("Authorization", Users.SUPERVISOR.bearer()).get("/api/reports/summary?asOf=17-10-2026").then()
                .statusCode(400).body("violations.field", hasItem("asOf"));
        given().header("Authorization", Users.JUDGE.bearer()).get("/api/reports/summary?asOf=2013-10-17").then()
                .statusCode(403);
    }
}
