package org.lettersvisits.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lettersvisits.contracts.Department;
import org.lettersvisits.contracts.Topics;
import org.lettersvisits.contracts.assignment.CaseAccepted;
import org.lettersvisits.contracts.assignment.CaseAssigned;
import org.lettersvisits.contracts.assignment.CaseClosed;
import org.lettersvisits.contracts.assignment.CaseSuspended;
import org.lettersvisits.contracts.assignment.CaseTransferred;
import org.lettersvisits.contracts.assignment.Difficulty;
import org.lettersvisits.contracts.followup.ReturnVisitCompleted;
import org.lettersvisits.contracts.followup.ReturnVisitScheduled;
import org.lettersvisits.contracts.followup.Satisfaction;
import org.lettersvisits.contracts.petition.Channel;
import org.lettersvisits.contracts.petition.Escalation;
import org.lettersvisits.contracts.petition.PetitionRegistered;
import org.lettersvisits.testsupport.CloudEventRecords;
import org.lettersvisits.testsupport.ExportedRows;
import org.lettersvisits.testsupport.RealInfrastructure;
import org.lettersvisits.testsupport.Users;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The reports from events as the other services publish them, in a year of their own (2019) so
 * other tests' events do not count: one petition per case plus one not assigned; public security
 * receives three cases (one closed with a satisfied visit, one suspended, one open and overdue),
 * the court one case transferred in from the procuratorate, still open.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class ReportingApiTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final LocalDate DAY = LocalDate.of(2019, 3, 6);
    private static final String YEAR = "?from=2019-01-01&to=2019-12-31";
    private static boolean published;

    @jakarta.inject.Inject
    Pool pool;

    static UUID closed = UUID.randomUUID();
    static UUID suspended = UUID.randomUUID();
    static UUID overdue = UUID.randomUUID();
    static UUID transferred = UUID.randomUUID();
    static UUID visit = UUID.randomUUID();
    /** The id of the visit's completion, delivered twice. */
    static UUID completion = UUID.randomUUID();

    private static PetitionRegistered petition(UUID id, boolean law, Escalation escalation) {
        return new PetitionRegistered(id, "XF-2019-" + id.toString().substring(0, 5), Channel.VISIT, DAY, 1, "dispute", law,
                escalation, true);
    }

    private static CaseAssigned assigned(UUID id, Department department, LocalDate deadline) {
        return new CaseAssigned(id, id, "XF-2019-" + id.toString().substring(0, 5), "dispute", department, "Leader M",
                Difficulty.ROUTINE, DAY, deadline);
    }

    /** Publishes the year once, when the first test needs it (the service is up by then). */
    static synchronized void publishTheYear() {
        if (published) {
            return;
        }
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        UUID notAssigned = UUID.randomUUID();
        for (UUID id : List.of(closed, suspended, overdue, transferred)) {
            records.add(CloudEventRecords.of(Topics.PETITION_EVENTS, id, petition(id, true, null)));
        }
        records.add(CloudEventRecords.of(Topics.PETITION_EVENTS, notAssigned, petition(notAssigned, false, Escalation.PROVINCE)));
        records.add(CloudEventRecords.of(Topics.ASSIGNMENT_EVENTS, closed, assigned(closed, Department.PUBLIC_SECURITY, DAY.plusDays(30))));
        records.add(CloudEventRecords.of(Topics.ASSIGNMENT_EVENTS, closed, new CaseAccepted(closed, Department.PUBLIC_SECURITY, DAY)));
        records.add(CloudEventRecords.of(Topics.ASSIGNMENT_EVENTS, closed,
                new CaseClosed(closed, "XF", Department.PUBLIC_SECURITY, "solved", DAY.plusDays(10))));
        records.add(CloudEventRecords.of(Topics.ASSIGNMENT_EVENTS, suspended, assigned(suspended, Department.PUBLIC_SECURITY, DAY.plusDays(30))));
        records.add(CloudEventRecords.of(Topics.ASSIGNMENT_EVENTS, suspended,
                new CaseSuspended(suspended, Department.PUBLIC_SECURITY, "withdrawn", DAY.plusDays(5))));
        records.add(CloudEventRecords.of(Topics.ASSIGNMENT_EVENTS, overdue, assigned(overdue, Department.PUBLIC_SECURITY, DAY.plusDays(30))));
        records.add(CloudEventRecords.of(Topics.ASSIGNMENT_EVENTS, transferred, assigned(transferred, Department.PROCURATORATE, DAY.plusDays(60))));
        records.add(CloudEventRecords.of(Topics.ASSIGNMENT_EVENTS, transferred,
                new CaseTransferred(transferred, Department.PROCURATORATE, Department.COURT, "court matter", DAY.plusDays(2))));
        records.add(CloudEventRecords.of(Topics.FOLLOWUP_EVENTS, visit,
                new ReturnVisitScheduled(visit, closed, "XF", Department.PUBLIC_SECURITY, DAY.plusDays(10), DAY.plusDays(25))));
        records.add(CloudEventRecords.of(Topics.FOLLOWUP_EVENTS, visit, completion, new ReturnVisitCompleted(visit, closed,
                DAY.plusDays(20), "Visitor S", Satisfaction.SATISFIED, true, null, false)));
        records.add(CloudEventRecords.of(Topics.FOLLOWUP_EVENTS, visit, completion, new ReturnVisitCompleted(visit, closed,
                DAY.plusDays(20), "Visitor S", Satisfaction.SATISFIED, true, null, false))); // delivered twice
        try (KafkaCompanion kafka = RealInfrastructure.kafkaCompanion()) {
            kafka.produceStrings().fromRecords(records).awaitCompletion(WAIT);
        }
        published = true;
        await().atMost(WAIT).untilAsserted(() -> given().header("Authorization", Users.LEADER.bearer())
                .get("/api/reports/summary" + YEAR).then().statusCode(200)
                .body("total.received", equalTo(4)).body("returnVisits.completed", equalTo(1))
                .body("petitions.registered", equalTo(5)));
    }

    @BeforeEach
    void theYearIsPublished() {
        publishTheYear();
    }

    private static JsonPath summary() {
        return given().header("Authorization", Users.LEADER.bearer()).get("/api/reports/summary" + YEAR)
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void the_year_table_counts_by_the_department_holding_each_case_now() {
        JsonPath s = summary();
        assertThat(s.getList("departments.department")).containsExactly("PUBLIC_SECURITY", "PROCURATORATE", "COURT",
                "JUSTICE_BUREAU");
        assertThat(s.getMap("departments.find { it.department == 'PUBLIC_SECURITY' }"))
                .containsEntry("received", 3).containsEntry("closed", 1).containsEntry("suspended", 1)
                .containsEntry("open", 1).containsEntry("overdue", 1);
        assertThat(s.getMap("departments.find { it.department == 'COURT' }"))
                .containsEntry("received", 1).containsEntry("open", 1).containsEntry("overdue", 1);
        assertThat(s.getMap("departments.find { it.department == 'PROCURATORATE' }")).containsEntry("received", 0);
        assertThat(s.getMap("total")).containsEntry("received", 4).containsEntry("closed", 1)
                .containsEntry("suspended", 1).containsEntry("open", 2).containsEntry("overdue", 2);
        assertThat(s.getMap("petitions")).containsEntry("registered", 5).containsEntry("lawAndLitigation", 4)
                .containsEntry("jointVisitDay", 5).containsEntry("escalatedToProvince", 1).containsEntry("escalatedToCapital", 0);
        assertThat(s.getMap("returnVisits")).containsEntry("scheduled", 1).containsEntry("completed", 1)
                .containsEntry("pending", 0).containsEntry("satisfied", 1).containsEntry("withdrawn", 1);
        assertThat(s.getString("from")).isEqualTo("2019-01-01");
    }

    @Test
    void another_period_counts_nothing_of_that_year() {
        given().header("Authorization", Users.SUPERVISOR.bearer()).get("/api/reports/summary?from=2018-01-01&to=2018-12-31")
                .then().statusCode(200).body("total.received", equalTo(0)).body("departments", hasSize(4));
        given().header("Authorization", Users.SUPERVISOR.bearer()).get("/api/reports/summary?from=2019-12-31&to=2019-01-01")
                .then().statusCode(400).body("violations.field", hasItem("to"));
    }

    @Test
    void the_csv_opens_in_excel_with_chinese_names_and_a_header_row() {
        byte[] csv = given().header("Authorization", Users.LEADER.bearer()).get("/api/reports/summary.csv" + YEAR)
                .then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asByteArray();
        assertThat(csv).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        String[] lines = new String(csv, StandardCharsets.UTF_8).substring(1).split("\r\n");
        assertThat(lines[0]).startsWith("部门,department,");
        assertThat(lines[1]).as("then past the statutory limit, and closed within it").isEqualTo("公安,PUBLIC_SECURITY,3,1,1,1,1,1,1");
        assertThat(lines[5]).isEqualTo("合计,TOTAL,4,1,1,2,2,2,1");
    }

    @Test
    void the_overdue_list_holds_the_open_cases_past_their_deadline_most_overdue_first() {
        var list = given().header("Authorization", Users.LEADER.bearer()).get("/api/reports/overdue").then().statusCode(200)
                .body("caseId", hasItem(overdue.toString())).body("caseId", hasItem(transferred.toString()))
                .body("caseId", not(hasItem(closed.toString()))).body("caseId", not(hasItem(suspended.toString())))
                .extract().jsonPath();
        List<String> ids = list.getList("caseId");
        assertThat(ids.indexOf(overdue.toString())).isLessThan(ids.indexOf(transferred.toString()));
        assertThat(list.getString("find { it.caseId == '" + transferred + "' }.department")).isEqualTo("COURT");
    }

    @Test
    void the_leaders_overdue_list_exports_as_csv_and_excel_in_the_same_order() {
        List<String> numbers = given().header("Authorization", Users.LEADER.bearer()).get("/api/reports/overdue").then()
                .statusCode(200).extract().jsonPath().getList("caseNumber", String.class);
        byte[] csv = given().header("Authorization", Users.LEADER.bearer()).get("/api/reports/overdue/export?format=csv")
                .then().statusCode(200).contentType("text/csv").extract().asByteArray();
        List<List<String>> rows = ExportedRows.ofCsv(csv);
        assertThat(rows.get(0)).containsExactly("信访编号", "单位", "责任领导", "办理期限", "已逾期");
        assertThat(rows.subList(1, rows.size()).stream().map(r -> r.get(0)).toList()).containsExactlyElementsOf(numbers);
        assertThat(rows.stream().filter(r -> r.contains("法院")).count()).isGreaterThanOrEqualTo(1);
        byte[] xlsx = given().header("Authorization", Users.SUPERVISOR.bearer())
                .get("/api/reports/overdue/export?format=xlsx").then().statusCode(200).extract().asByteArray();
        assertThat(ExportedRows.ofXlsx(xlsx)).isEqualTo(rows);
        for (Users outsider : List.of(Users.RECEPTION, Users.JUDGE, Users.FOLLOWUP)) {
            given().header("Authorization", outsider.bearer()).get("/api/reports/overdue/export").then().statusCode(403);
        }
    }

    @Test
    void a_rebuild_replays_every_event_and_comes_out_identical() {
        String before = given().header("Authorization", Users.LEADER.bearer()).get("/api/reports/summary" + YEAR).asString();
        String overdueBefore = given().header("Authorization", Users.LEADER.bearer()).get("/api/reports/overdue").asString();
        // a rebuild another test started may still run: wait for it, so ours is the one measured
        await().atMost(WAIT).until(() -> !"RUNNING".equals(given().header("Authorization", Users.ADMIN.bearer())
                .get("/api/admin/projections/status").then().statusCode(200).extract().path("status")));
        int generation = given().header("Authorization", Users.ADMIN.bearer()).get("/api/admin/projections/status")
                .then().statusCode(200).extract().path("activeGeneration");

        given().header("Authorization", Users.ADMIN.bearer()).post("/api/admin/projections/rebuild").then().statusCode(202);
        await().atMost(WAIT).untilAsserted(() -> given().header("Authorization", Users.ADMIN.bearer())
                .get("/api/admin/projections/status").then()
                .body("status", equalTo("DONE")).body("activeGeneration", greaterThan(generation)));

        assertThat(given().header("Authorization", Users.LEADER.bearer()).get("/api/reports/summary" + YEAR).asString())
                .isEqualTo(before);
        assertThat(given().header("Authorization", Users.LEADER.bearer()).get("/api/reports/overdue").asString())
                .isEqualTo(overdueBefore);
        var status = given().header("Authorization", Users.ADMIN.bearer()).get("/api/admin/projections/status").then()
                .extract().jsonPath();
        // every event received replayed: the log holds this class's 15 distinct events (16 records, the visit's
        // completion delivered twice) and other tests' events
        assertThat(status.getLong("replayed")).isEqualTo(status.getLong("toReplay")).isGreaterThanOrEqualTo(15);
        assertThat(pool.preparedQuery("SELECT count(*) FROM report_event WHERE event_id = $1").execute(Tuple.of(completion))
                .await().atMost(WAIT).iterator().next().getLong(0)).as("the completion delivered twice, in the log").isEqualTo(1);
    }

    @Test
    void leaders_and_supervisors_read_reports_only_admin_rebuilds() {
        for (Users user : Users.values()) {
            boolean reads = user == Users.LEADER || user == Users.DEPARTMENT_LEADER || user == Users.SUPERVISOR;
            for (String path : List.of("/api/reports/summary", "/api/reports/summary.csv", "/api/reports/overdue")) {
                given().header("Authorization", user.bearer()).get(path).then().statusCode(reads ? 200 : 403);
            }
            given().header("Authorization", user.bearer()).get("/api/admin/projections/status").then()
                    .statusCode(user == Users.ADMIN ? 200 : 403);
            if (user != Users.ADMIN) {
                given().header("Authorization", user.bearer()).post("/api/admin/projections/rebuild").then().statusCode(403);
            }
        }
        given().get("/api/reports/summary").then().statusCode(401);
        given().post("/api/admin/projections/rebuild").then().statusCode(401);
    }
}
