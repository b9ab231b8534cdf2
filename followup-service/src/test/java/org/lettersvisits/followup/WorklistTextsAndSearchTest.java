package org.lettersvisits.followup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

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
 * The worklist shows what the petitioner asked (the case's subject, from CaseAssigned) and the department's answer
 * (the closure's resolution), blanks both when the petitioner is erased, and finds a visit by its case number.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class WorklistTextsAndSearchTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String SUBJECT = "李桂兰反映宅基地纠纷一案判决未执行";
    private static final String ANSWER = "已督促法院执行局于十日内执行完毕";

    private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Test
    void a_closed_cases_visit_carries_the_subject_and_the_departments_answer() {
        UUID caseId = UUID.randomUUID();
        assignAndClose(caseId, caseNumber());

        JsonPath visit = ReturnVisitApiTest.visitsOf(caseId, 1);
        assertThat(visit.getString("items[0].subject")).isEqualTo(SUBJECT);
        assertThat(visit.getString("items[0].answer")).isEqualTo(ANSWER);
    }

    @Test
    void after_the_petitioners_erasure_the_subject_and_the_answer_are_null_also_for_a_later_closure() {
        UUID caseId = UUID.randomUUID();
        String number = caseNumber();
        assignAndClose(caseId, number);
        ReturnVisitApiTest.visitsOf(caseId, 1);

        publish(caseId, new CasePersonalDataErased(caseId));
        await().atMost(WAIT).untilAsserted(() -> {
            JsonPath visits = worklist(Map.of("caseId", caseId.toString()));
            assertThat(visits.getString("items[0].subject")).isNull();
            assertThat(visits.getString("items[0].answer")).isNull();
        });
        assertThat(worklist(Map.of("caseId", caseId.toString())).getString("items[0].caseNumber")).isEqualTo(number);

        publish(caseId, new CaseClosed(caseId, number, Department.COURT, ANSWER, today.minusDays(1)));
        JsonPath both = ReturnVisitApiTest.visitsOf(caseId, 2);
        assertThat(both.getList("items.subject")).containsOnlyNulls();
        assertThat(both.getList("items.answer")).containsOnlyNulls();
    }

    @Test
    void q_finds_the_visits_of_a_case_number_with_or_without_its_prefix_within_the_other_filters() {
        UUID caseId = UUID.randomUUID();
        String number = caseNumber();
        assignAndClose(caseId, number);
        ReturnVisitApiTest.visitsOf(caseId, 1);

        for (String q : new String[] { number, number.substring("XF-".length()), " " + number.toLowerCase() + " " }) {
            JsonPath found = worklist(Map.of("q", q));
            assertThat(found.getInt("total")).as(q).isEqualTo(1);
            assertThat(found.getString("items[0].caseId")).as(q).isEqualTo(caseId.toString());
        }
        assertThat(worklist(Map.of("q", number, "status", "OPEN")).getInt("total")).isEqualTo(1);
        assertThat(worklist(Map.of("q", number, "status", "COMPLETED")).getInt("total")).isZero();
        assertThat(worklist(Map.of("q", number, "page", "1", "size", "1")).getList("items")).isEmpty();
        JsonPath none = worklist(Map.of("q", "XF-1999-000000001"));
        assertThat(none.getInt("total")).isZero();
        assertThat(none.getList("items")).isEmpty();
        assertThat(worklist(Map.of("q", "  ")).getInt("total")).as("a blank q filters nothing").isPositive();
        List<List<String>> exported = ExportedRows.ofCsv(given().header("Authorization", Users.FOLLOWUP.bearer())
                .queryParam("q", number.substring("XF-".length())).get("/api/return-visits/export").then()
                .statusCode(200).extract().asByteArray());
        assertThat(exported).hasSize(2).last().satisfies(row -> assertThat(row.get(0)).isEqualTo(number));
        assertThat(exported.get(0)).as("the exports do not carry the free text").doesNotContain("信访事项", "答复意见");
    }

    @Test
    void a_q_too_long_is_a_problem_naming_it_in_the_worklist_and_its_export() {
        for (String path : List.of("/api/return-visits", "/api/return-visits/export")) {
            given().header("Authorization", Users.FOLLOWUP.bearer()).queryParam("q", "9".repeat(201))
                    .get(path).then().statusCode(400)
                    .contentType(startsWith("application/problem+json"))
                    .body("violations[0].field", equalTo("q"));
        }
    }

    /** A case number of digits no other test uses. */
    private static String caseNumber() {
        return "XF-2026-" + ThreadLocalRandom.current().nextLong(100_000_000L, 1_000_000_000L);
    }

    /** As assignment-service publishes them: the case assigned (with its subject), then closed with an answer. */
    private void assignAndClose(UUID caseId, String number) {
        SharedDataKeyRecords.share(caseId); // as petition-service shares every petition's key
        publish(caseId, new CaseAssigned(caseId, caseId, number, SUBJECT, Department.COURT, "Leader L",
                Difficulty.ROUTINE, today.minusDays(10), today.plusDays(50)));
        publish(caseId, new CaseClosed(caseId, number, Department.COURT, ANSWER, today.minusDays(2)));
    }

    private static void publish(UUID caseId, Object event) {
        try (KafkaCompanion kafka = RealInfrastructure.kafkaCompanion()) {
            kafka.produceStrings().fromRecords(CloudEventRecords.of(Topics.ASSIGNMENT_EVENTS, caseId, event))
                    .awaitCompletion(WAIT);
        }
    }

    private static JsonPath worklist(Map<String, String> params) {
        return given().header("Authorization", Users.FOLLOWUP.bearer()).queryParams(params).get("/api/return-visits")
                .then().statusCode(200).extract().jsonPath();
    }
}
