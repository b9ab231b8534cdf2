package org.lettersvisits.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import org.lettersvisits.contracts.assignment.CaseAccepted;
import org.lettersvisits.contracts.assignment.CaseAssigned;
import org.lettersvisits.contracts.assignment.CaseClosed;
import org.lettersvisits.contracts.assignment.CaseReviewRequested;
import org.lettersvisits.contracts.assignment.Difficulty;
import org.lettersvisits.contracts.assignment.HandlingExtended;
import org.lettersvisits.testsupport.CloudEventRecords;
import org.lettersvisits.testsupport.RealInfrastructure;
import org.lettersvisits.testsupport.Users;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * The dashboard's statutory measures, in a year of their own (2012), all cases assigned on 1 March: public security
 * closes one within the 60 days from acceptance and one only within its 30-day extension; the court closes one late,
 * keeps one open past its 60 days, and one reopened for review is past the review's 30 days.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class StatutoryLimitsReportTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final LocalDate ASSIGNED = LocalDate.of(2012, 3, 1);

    private final List<ProducerRecord<String, String>> records = new ArrayList<>();

    private UUID assigned(Department department) {
        UUID id = UUID.randomUUID();
        records.add(CloudEventRecords.of(Topics.ASSIGNMENT_EVENTS, id, UUID.randomUUID(), new CaseAssigned(id, id,
                "XF-2012-" + id.toString().substring(0, 5), "dispute", department, "Leader S", Difficulty.DIFFICULT,
                ASSIGNED, LocalDate.of(2012, 12, 15)), 1));
        return id;
    }

    private void then(UUID id, Object event, int version) {
        records.add(CloudEventRecords.of(Topics.ASSIGNMENT_EVENTS, id, UUID.randomUUID(), event, version));
    }

    @Test
    void each_department_shows_its_share_closed_within_the_statutory_limits_and_its_open_cases_past_them() {
        UUID inTime = assigned(Department.PUBLIC_SECURITY);
        then(inTime, new CaseAccepted(inTime, Department.PUBLIC_SECURITY, LocalDate.of(2012, 3, 5)), 2);
        then(inTime, new CaseClosed(inTime, "XF", Department.PUBLIC_SECURITY, "solved", LocalDate.of(2012, 4, 20)), 3);
        UUID extended = assigned(Department.PUBLIC_SECURITY);
        then(extended, new CaseAccepted(extended, Department.PUBLIC_SECURITY, LocalDate.of(2012, 3, 2)), 2);
        then(extended, new HandlingExtended(extended, 30, "expert appraisal", LocalDate.of(2012, 4, 20)), 3);
        then(extended, new CaseClosed(extended, "XF", Department.PUBLIC_SECURITY, "solved", LocalDate.of(2012, 5, 25)), 4);
        UUID late = assigned(Department.COURT);
        then(late, new CaseAccepted(late, Department.COURT, LocalDate.of(2012, 3, 2)), 2);
        then(late, new CaseClosed(late, "XF", Department.COURT, "judgment", LocalDate.of(2012, 6, 10)), 3);
        UUID open = assigned(Department.COURT);
        then(open, new CaseAccepted(open, Department.COURT, LocalDate.of(2012, 3, 2)), 2);
        UUID review = assigned(Department.COURT);
        then(review, new CaseAccepted(review, Department.COURT, LocalDate.of(2012, 3, 2)), 2);
        then(review, new CaseClosed(review, "XF", Department.COURT, "explained", LocalDate.of(2012, 4, 1)), 3);
        then(review, new CaseReviewRequested(review, Department.COURT, "disputes it", LocalDate.of(2012, 4, 10),
                LocalDate.of(2012, 5, 10)), 4);
        try (KafkaCompanion kafka = RealInfrastructure.kafkaCompanion()) {
            kafka.produceStrings().fromRecords(records).awaitCompletion(WAIT);
        }

        await().atMost(WAIT).untilAsserted(() -> {
            JsonPath year = given().header("Authorization", Users.LEADER.bearer())
                    .get("/api/reports/summary?from=2012-01-01&to=2012-12-31").then().statusCode(200).extract().jsonPath();
            assertThat(line(year, "PUBLIC_SECURITY")).containsEntry("closed", 2).containsEntry("closedWithinStatutoryLimit", 2)
                    .containsEntry("withinStatutoryLimitShare", 100.0f).containsEntry("statutoryOverdue", 0);
            assertThat(line(year, "COURT")).as("the review reopened its case: one closed, late")
                    .containsEntry("closed", 1).containsEntry("closedWithinStatutoryLimit", 0)
                    .containsEntry("withinStatutoryLimitShare", 0.0f).containsEntry("statutoryOverdue", 2);
            assertThat(line(year, "JUSTICE_BUREAU")).containsEntry("withinStatutoryLimitShare", null);
            assertThat(year.getMap("total")).containsEntry("closedWithinStatutoryLimit", 2).containsEntry("statutoryOverdue", 2);
        });

        // as of 1 May: the extended case was still open and within its 90 days, the late one within its 60 then
        JsonPath may = given().header("Authorization", Users.LEADER.bearer()).get("/api/reports/summary?asOf=2012-05-01")
                .then().statusCode(200).extract().jsonPath();
        assertThat(line(may, "PUBLIC_SECURITY")).containsEntry("closed", 1).containsEntry("statutoryOverdue", 0);
        assertThat(line(may, "COURT")).as("the review due on 10 May is not past yet").containsEntry("statutoryOverdue", 0);
    }

    private static Map<String, Object> line(JsonPath summary, String department) {
        return summary.getMap("departments.find { it.department == '" + department + "' }");
    }
}
