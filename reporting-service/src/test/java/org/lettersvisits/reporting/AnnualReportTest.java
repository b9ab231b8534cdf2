package org.lettersvisits.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.junit.jupiter.api.Test;
import org.lettersvisits.contracts.Department;
import org.lettersvisits.contracts.Topics;
import org.lettersvisits.contracts.assignment.CaseAssigned;
import org.lettersvisits.contracts.assignment.CaseClosed;
import org.lettersvisits.contracts.assignment.Difficulty;
import org.lettersvisits.contracts.followup.ReturnVisitCompleted;
import org.lettersvisits.contracts.followup.ReturnVisitScheduled;
import org.lettersvisits.contracts.followup.Satisfaction;
import org.lettersvisits.contracts.petition.Channel;
import org.lettersvisits.contracts.petition.Escalation;
import org.lettersvisits.contracts.petition.PetitionRegistered;
import org.lettersvisits.testsupport.CloudEventRecords;
import org.lettersvisits.testsupport.RealInfrastructure;
import org.lettersvisits.testsupport.Users;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * The year-end report written from a year of its own (2011): public security receives two cases (one closed and
 * visited back, one still open past its deadline), the court one still open; a fourth petition, not about law and
 * litigation, went on to the province. The Word file and the PDF are parsed back and read as a leader would.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class AnnualReportTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static PetitionRegistered petition(UUID id, LocalDate on, boolean law, Escalation escalation) {
        return new PetitionRegistered(id, number(id), Channel.VISIT, on, 1, "dispute", law, escalation, false);
    }

    private static String number(UUID id) {
        return "XF-2011-" + id.toString().substring(0, 5);
    }

    private static CaseAssigned assigned(UUID id, Department department, String leader, LocalDate on, LocalDate deadline) {
        return new CaseAssigned(id, id, number(id), "dispute", department, leader, Difficulty.DIFFICULT, on, deadline);
    }

    @Test
    void the_report_states_the_years_figures_its_table_and_the_open_cases_with_their_leaders() throws Exception {
        UUID closed = UUID.randomUUID();
        UUID open = UUID.randomUUID();
        UUID court = UUID.randomUUID();
        UUID escalated = UUID.randomUUID();
        UUID visit = UUID.randomUUID();
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (UUID id : List.of(closed, open, court)) {
            records.add(CloudEventRecords.of(Topics.PETITION_EVENTS, id, UUID.randomUUID(),
                    petition(id, LocalDate.of(2011, 3, 2), true, null), 1));
        }
        records.add(CloudEventRecords.of(Topics.PETITION_EVENTS, escalated, UUID.randomUUID(),
                petition(escalated, LocalDate.of(2011, 4, 6), false, Escalation.PROVINCE), 1));
        records.add(CloudEventRecords.of(Topics.ASSIGNMENT_EVENTS, closed, UUID.randomUUID(), assigned(closed,
                Department.PUBLIC_SECURITY, "Leader Zhao", LocalDate.of(2011, 3, 9), LocalDate.of(2011, 12, 15)), 1));
        records.add(CloudEventRecords.of(Topics.ASSIGNMENT_EVENTS, closed, UUID.randomUUID(),
                new CaseClosed(closed, number(closed), Department.PUBLIC_SECURITY, "solved", LocalDate.of(2011, 6, 1)), 2));
        records.add(CloudEventRecords.of(Topics.ASSIGNMENT_EVENTS, open, UUID.randomUUID(), assigned(open,
                Department.PUBLIC_SECURITY, "Leader Qian", LocalDate.of(2011, 3, 9), LocalDate.of(2011, 12, 15)), 1));
        records.add(CloudEventRecords.of(Topics.ASSIGNMENT_EVENTS, court, UUID.randomUUID(), assigned(court,
                Department.COURT, "Leader Sun", LocalDate.of(2011, 3, 9), LocalDate.of(2011, 12, 15)), 1));
        records.add(CloudEventRecords.of(Topics.FOLLOWUP_EVENTS, visit, UUID.randomUUID(), new ReturnVisitScheduled(visit,
                closed, number(closed), Department.PUBLIC_SECURITY, LocalDate.of(2011, 6, 1), LocalDate.of(2011, 6, 16)), 1));
        records.add(CloudEventRecords.of(Topics.FOLLOWUP_EVENTS, visit, UUID.randomUUID(), new ReturnVisitCompleted(visit,
                closed, LocalDate.of(2011, 6, 10), "Visitor S", Satisfaction.SATISFIED, true, null, false), 2));
        try (KafkaCompanion kafka = RealInfrastructure.kafkaCompanion()) {
            kafka.produceStrings().fromRecords(records).awaitCompletion(WAIT);
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(given().header("Authorization", Users.LEADER.bearer())
                .get("/api/reports/summary?from=2011-01-01&to=2011-12-31").then().statusCode(200).extract().jsonPath()
                .getMap("returnVisits")).containsEntry("completed", 1));

        byte[] docx = given().header("Authorization", Users.LEADER.bearer()).get("/api/reports/annual?year=2011")
                .then().statusCode(200)
                .contentType("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
                .header("Content-Disposition", "attachment; filename=\"annual-report-2011.docx\"")
                .extract().asByteArray();
        try (XWPFDocument word = new XWPFDocument(new ByteArrayInputStream(docx))) {
            List<String> paragraphs = word.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertThat(paragraphs.get(0)).isEqualTo("2011年度涉法涉诉信访工作情况");
            assertThat(paragraphs).contains("2011年，全市政法各部门共受理涉法涉诉信访案件3件，已办结1件，中止0件，尚未办结2件。"
                    + "其中，公安局受理2件，办结1件，中止0件；检察院未受理涉法涉诉信访案件；法院受理1件，办结0件，中止0件；"
                    + "司法局未受理涉法涉诉信访案件。");
            assertThat(paragraphs).contains("全年登记来信来访4件，其中联合接访日接待0件，涉法涉诉3件。全年到省上访1件，进京上访0件。");
            assertThat(paragraphs).contains("对办结的1件案件均安排专人回访，已回访1件；当事人表示满意1件，息诉罢访1件。");
            assertThat(paragraphs).anyMatch(p -> p.contains("尚未办结的2件案件均已明确责任领导，其中已超过办理期限2件"));

            List<XWPFTable> tables = word.getTables();
            assertThat(tables).hasSize(2);
            assertThat(cells(tables.get(0), 0)).containsExactly("单位", "受理", "办结", "中止", "未结", "逾期",
                    "超法定期限", "法定期限内办结率");
            // never accepted, so counted from assignment on 9 March: 60 days end on 8 May 2011, a Sunday, so the 9th;
            // the closure of 1 June was late, and both open cases are past that limit too
            assertThat(cells(tables.get(0), 1)).containsExactly("公安局", "2", "1", "0", "1", "1", "1", "0.0%");
            assertThat(cells(tables.get(0), 2)).containsExactly("检察院", "0", "0", "0", "0", "0", "0", "—");
            assertThat(cells(tables.get(0), 5)).containsExactly("合计", "3", "1", "0", "2", "2", "2", "0.0%");
            assertThat(paragraphs).contains("按照《信访工作条例》规定的办理期限，全年办结的1件中在法定期限内办结0件，占0.0%；"
                    + "尚未办结的案件中已超过法定期限2件。");
            assertThat(tables.get(1).getRows()).hasSize(3);
            assertThat(cells(tables.get(1), 1)).startsWith("1", number(open), "公安局", "Leader Qian", "2011-03-09", "2011-12-15");
            assertThat(cells(tables.get(1), 2)).startsWith("2", number(court), "法院", "Leader Sun");
            assertThat(cells(tables.get(1), 2).get(6)).startsWith("已逾期");
        }

        byte[] pdf = given().header("Authorization", Users.SUPERVISOR.bearer())
                .get("/api/reports/annual?year=2011&format=pdf").then().statusCode(200).contentType("application/pdf")
                .extract().asByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
            assertThat(text).contains("2011年度涉法涉诉信访工作情况")
                    .contains("共受理涉法涉诉信访案件3件，已办结1件，中止0件，尚未办结2件")
                    .contains("全年到省上访1件，进京上访0件")
                    .contains("合计31022")
                    .contains(number(open) + "公安局LeaderQian");
        }
    }

    @Test
    void a_future_year_or_an_unknown_format_is_refused_and_departments_may_not_ask() {
        int next = LocalDate.now().getYear() + 1;
        given().header("Authorization", Users.LEADER.bearer()).get("/api/reports/annual?year=" + next).then()
                .statusCode(400).contentType("application/problem+json").body("violations.field", hasItem("year"));
        given().header("Authorization", Users.LEADER.bearer()).get("/api/reports/annual?format=odt").then()
                .statusCode(400).contentType("application/problem+json").body("violations.field", hasItem("format"));
        given().header("Authorization", Users.POLICE.bearer()).get("/api/reports/annual").then()
                .statusCode(403);
    }

    private static List<String> cells(XWPFTable table, int row) {
        return table.getRow(row).getTableCells().stream().map(XWPFTableCell::getText).collect(Collectors.toList());
    }
}
