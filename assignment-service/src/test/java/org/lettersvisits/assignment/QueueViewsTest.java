package org.lettersvisits.assignment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lettersvisits.contracts.petition.PetitionRegistered;
import org.lettersvisits.testsupport.ExportedRows;
import org.lettersvisits.testsupport.RealInfrastructure;
import org.lettersvisits.testsupport.Users;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * What a head of department works from: the queue filtered by responsible leader, counted per status, sorted by
 * deadline or by days overdue, searched within the department's own cases, and exported with the same filters.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class QueueViewsTest {

    /** Four court cases of one leader: suspended long ago, overdue by years, overdue by less, and due in 20 days. */
    record Court(String leader, PetitionRegistered suspended, PetitionRegistered longOverdue, PetitionRegistered overdue,
            PetitionRegistered dueLater) {

        List<String> numbers(PetitionRegistered... cases) {
            return java.util.Arrays.stream(cases).map(PetitionRegistered::caseNumber).toList();
        }
    }

    private static Court courtCases(String word) {
        String leader = "庭长 " + UUID.randomUUID().toString().substring(0, 8);
        PetitionRegistered suspended = assigned(word + " 执行异议", leader, Map.of("assignedOn", "2019-01-01"));
        CaseLifecycleApiTest.post(Users.JUDGE, suspended.petitionId(), "suspend", Map.of("reason", "当事人另行起诉"), null)
                .statusCode(200);
        PetitionRegistered longOverdue = assigned(word + " 判决未执行", leader, Map.of("assignedOn", "2020-03-01"));
        PetitionRegistered overdue = assigned(word + " 立案难", leader, Map.of("assignedOn", "2021-03-01"));
        PetitionRegistered dueLater = assigned(word + " 审理超期", leader,
                Map.of("assignedOn", "2021-03-01", "deadline", LocalDate.now().plusDays(20).toString()));
        return new Court(leader, suspended, longOverdue, overdue, dueLater);
    }

    private static PetitionRegistered assigned(String subject, String leader, Map<String, Object> extra) {
        PetitionRegistered petition = CaseFixtures.publishedPetition(subject);
        java.util.Map<String, Object> body = new java.util.HashMap<>(extra);
        body.put("responsibleLeader", leader);
        CaseFixtures.assign(petition.petitionId(), "COURT", body).statusCode(201);
        return petition;
    }

    private static JsonPath queue(Users user, String query) {
        return given().header("Authorization", user.bearer()).get("/api/queues/court?" + query)
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void a_leaders_queue_is_counted_per_status_and_sorted_by_deadline_or_by_days_overdue() {
        Court court = courtCases("工资");
        String leader = "leader=" + court.leader();

        JsonPath byDeadline = queue(Users.JUDGE, "status=ASSIGNED,ACCEPTED,SUSPENDED&" + leader);
        assertThat(byDeadline.getList("items.caseNumber", String.class)).containsExactlyElementsOf(
                court.numbers(court.suspended(), court.longOverdue(), court.overdue(), court.dueLater()));
        assertThat(byDeadline.getLong("total")).isEqualTo(4);
        assertThat(byDeadline.getLong("overdue")).isEqualTo(2);
        assertThat(byDeadline.getMap("byStatus")).containsEntry("ASSIGNED", 3).containsEntry("SUSPENDED", 1)
                .containsEntry("ACCEPTED", 0).containsEntry("CLOSED", 0);
        assertThat(byDeadline.getList("leaders", String.class)).contains(court.leader());
        assertThat(byDeadline.getList("items.daysOverdue", Long.class).get(1))
                .isGreaterThan(byDeadline.getList("items.daysOverdue", Long.class).get(2)).isGreaterThan(0L);

        JsonPath byOverdue = queue(Users.LEADER, "status=ASSIGNED,ACCEPTED,SUSPENDED&sort=overdue&" + leader);
        assertThat(byOverdue.getList("items.caseNumber", String.class)).containsExactlyElementsOf(
                court.numbers(court.longOverdue(), court.overdue(), court.suspended(), court.dueLater()));

        // the default (open cases) leaves the suspended one out, and the counts per status stay those of the queue
        JsonPath open = queue(Users.JUDGE, leader);
        assertThat(open.getLong("total")).isEqualTo(3);
        assertThat(open.getMap("byStatus")).containsEntry("SUSPENDED", 1);
    }

    @Test
    void a_department_searches_its_own_cases_by_number_and_subject() {
        Court court = courtCases("拆迁补偿" + UUID.randomUUID().toString().substring(0, 4));
        String word = court.overdue().subject().split(" ")[0];
        String numberWithoutPrefix = court.overdue().caseNumber().substring("XF-".length());

        assertThat(queue(Users.JUDGE, "status=ALL&q=" + numberWithoutPrefix).getList("items.caseNumber", String.class))
                .containsExactly(court.overdue().caseNumber());
        assertThat(queue(Users.JUDGE, "status=ALL&q=" + word).getList("items.caseNumber", String.class))
                .containsExactlyInAnyOrderElementsOf(
                        court.numbers(court.suspended(), court.longOverdue(), court.overdue(), court.dueLater()));
        // another department's search never reaches the court's cases
        assertThat(given().header("Authorization", Users.JUSTICE.bearer())
                .get("/api/queues/justice-bureau?status=ALL&q=" + word).then().statusCode(200).extract().jsonPath()
                .getLong("total")).isZero();
    }

    @Test
    void a_queue_exports_as_csv_and_excel_with_its_filters_for_whoever_may_read_it() {
        Court court = courtCases("信访积案");
        String query = "status=ASSIGNED,ACCEPTED,SUSPENDED&sort=overdue&leader=" + court.leader();
        List<String> expected = court.numbers(court.longOverdue(), court.overdue(), court.suspended(), court.dueLater());

        byte[] csv = given().header("Authorization", Users.JUDGE.bearer()).get("/api/queues/court/export?format=csv&" + query)
                .then().statusCode(200).contentType("text/csv")
                .header("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment; filename=\"queue-court-"))
                .extract().asByteArray();
        List<List<String>> rows = ExportedRows.ofCsv(csv);
        assertThat(rows.get(0)).containsExactly("信访编号", "信访事由", "承办单位", "责任领导", "交办日期", "办理期限", "法定办理期限",
                "状态", "逾期天数");
        assertThat(rows.subList(1, rows.size()).stream().map(r -> r.get(0)).toList()).containsExactlyElementsOf(expected);
        assertThat(rows.get(1)).contains("法院", court.leader(), "已交办", "2020-03-31");
        assertThat(rows.get(3)).contains("已中止");

        byte[] xlsx = given().header("Authorization", Users.SUPERVISOR.bearer())
                .get("/api/queues/court/export?format=xlsx&" + query).then().statusCode(200)
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").extract().asByteArray();
        assertThat(ExportedRows.ofXlsx(xlsx)).isEqualTo(rows);

        // another department, reception and return-visit staff may not read the court's queue, exported or not
        for (Users outsider : List.of(Users.JUSTICE, Users.RECEPTION, Users.FOLLOWUP)) {
            given().header("Authorization", outsider.bearer()).get("/api/queues/court/export?" + query)
                    .then().statusCode(403);
        }
        given().header("Authorization", Users.JUDGE.bearer()).get("/api/queues/court/export?format=pdf")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void the_overdue_list_exports_for_leaders_most_overdue_first() {
        Court court = courtCases("超期督办");
        byte[] xlsx = given().header("Authorization", Users.LEADER.bearer()).get("/api/cases/overdue/export?format=xlsx")
                .then().statusCode(200).extract().asByteArray();
        List<List<String>> rows = ExportedRows.ofXlsx(xlsx);
        List<String> numbers = rows.stream().map(r -> r.get(0)).toList();
        assertThat(numbers).contains(court.longOverdue().caseNumber(), court.overdue().caseNumber())
                .doesNotContain(court.suspended().caseNumber(), court.dueLater().caseNumber());
        assertThat(numbers.indexOf(court.longOverdue().caseNumber())).isLessThan(numbers.indexOf(court.overdue().caseNumber()));
        List<String> line = rows.get(numbers.indexOf(court.longOverdue().caseNumber()));
        assertThat(Long.parseLong(line.get(8))).isGreaterThan(365);

        given().header("Authorization", Users.JUDGE.bearer()).get("/api/cases/overdue/export").then().statusCode(403);
    }
}
