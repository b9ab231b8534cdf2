package org.lettersvisits.assignment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.lettersvisits.assignment.CaseFixtures.assignedCase;
import static org.lettersvisits.assignment.CaseLifecycleApiTest.post;
import static org.lettersvisits.testsupport.Users.DEPARTMENT_LEADER;
import static org.lettersvisits.testsupport.Users.FOLLOWUP;
import static org.lettersvisits.testsupport.Users.JUDGE;
import static org.lettersvisits.testsupport.Users.JUSTICE;
import static org.lettersvisits.testsupport.Users.LEADER;
import static org.lettersvisits.testsupport.Users.POLICE;
import static org.lettersvisits.testsupport.Users.PROCURATOR;
import static org.lettersvisits.testsupport.Users.RECEPTION;
import static org.lettersvisits.testsupport.Users.SUPERVISOR;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.lettersvisits.contracts.petition.PersonalDataErased;
import org.lettersvisits.testsupport.RealInfrastructure;
import org.lettersvisits.testsupport.Users;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/**
 * The documents a case issues ({@code GET /api/cases/{id}/documents}), generated from its events: listed with their
 * kind and day, downloaded as PDF or Word, for the case file's readers only. petition-service does not run here
 * ({@code petition-records.url} is a closed port), so the notices addressed to the petitioner, which need their name,
 * answer 503; their wording is shown by CaseNoticesTest in the documents module. The 交办单 needs no name.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class CaseDocumentsApiTest {

    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static ValidatableResponse list(Users user, UUID caseId) {
        return given().header("Authorization", user.bearer()).get("/api/cases/" + caseId + "/documents").then();
    }

    private static ValidatableResponse download(Users user, String href) {
        return given().header("Authorization", user.bearer()).get(href).then();
    }

    private static String caseNumber(UUID caseId) {
        return given().header("Authorization", SUPERVISOR.bearer()).get("/api/cases/" + caseId).then().statusCode(200)
                .extract().path("caseNumber");
    }

    @Test
    void an_assigned_case_lists_its_assignment_sheet_and_the_pdf_says_the_number_the_department_and_the_deadline()
            throws Exception {
        UUID caseId = assignedCase("COURT"); // routine, assigned on 14 October 2026: due 13 November
        JsonPath documents = list(JUDGE, caseId).statusCode(200).extract().jsonPath();
        assertThat(documents.getList("items.id", String.class)).containsExactly("assignment-sheet-1");
        assertThat(documents.getString("items[0].kind")).isEqualTo("ASSIGNMENT_SHEET");
        assertThat(documents.getString("items[0].issuedOn")).isEqualTo("2026-10-14");
        String href = documents.getString("items[0].href");
        assertThat(href).isEqualTo("/api/cases/" + caseId + "/documents/assignment-sheet-1");

        ValidatableResponse pdf = download(JUDGE, href).statusCode(200).contentType("application/pdf")
                .header("Content-Disposition", org.hamcrest.Matchers.containsString(".pdf"));
        byte[] file = pdf.extract().asByteArray();
        assertThat(new String(file, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("%PDF");
        assertThat(pdfText(file)).contains("信访事项交办单", caseNumber(caseId), "法院：", "承办单位法院",
                "wagearrearslawsuitdelayed", "DeputyDirectorZhang", "交办日期2026年10月14日", "办理期限2026年11月13日前")
                .endsWith("中共××市委政法委员会2026年10月14日（盖章）");
    }

    @Test
    void the_word_file_asked_by_format_or_by_accept_holds_the_same_text_and_another_format_is_400() throws Exception {
        UUID caseId = assignedCase("COURT");
        String href = list(SUPERVISOR, caseId).statusCode(200).extract().path("items[0].href");

        byte[] byFormat = download(SUPERVISOR, href + "?format=docx").statusCode(200).contentType(DOCX)
                .header("Content-Disposition", org.hamcrest.Matchers.containsString(".docx")).extract().asByteArray();
        byte[] byAccept = given().header("Authorization", SUPERVISOR.bearer()).accept(DOCX).get(href).then()
                .statusCode(200).contentType(DOCX).extract().asByteArray();
        for (byte[] file : List.of(byFormat, byAccept)) {
            try (XWPFDocument word = new XWPFDocument(new ByteArrayInputStream(file))) {
                String text = word.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"))
                        + word.getTables().stream().map(XWPFTable::getText).collect(Collectors.joining("\n"));
                assertThat(text).contains("信访事项交办单", caseNumber(caseId), "法院：", "2026年11月13日前",
                        "中共××市委政法委员会", "（盖章）");
            }
        }
        download(SUPERVISOR, href + "?format=xls").statusCode(400).contentType("application/problem+json");
    }

    @Test
    void accepting_extending_and_closing_issue_their_notices_on_their_days_and_those_wait_for_the_petitioners_name() {
        UUID caseId = assignedCase("COURT");
        post(JUDGE, caseId, "accept?acceptedOn=2026-10-15", null, null).statusCode(200);
        post(SUPERVISOR, caseId, "extension", Map.of("days", 30, "reason", "expert appraisal pending",
                "extendedOn", "2026-11-20"), null).statusCode(200);
        post(JUDGE, caseId, "close", Map.of("resolution", "explained the judgment; the wages were paid",
                "closedOn", "2026-11-25"), null).statusCode(200);

        JsonPath documents = list(RECEPTION, caseId).statusCode(200).extract().jsonPath();
        assertThat(documents.getList("items.kind", String.class))
                .containsExactly("ASSIGNMENT_SHEET", "ACCEPTANCE_NOTICE", "EXTENSION_NOTICE", "WRITTEN_ANSWER");
        assertThat(documents.getList("items.id", String.class))
                .containsExactly("assignment-sheet-1", "acceptance-notice-2", "extension-notice-3", "written-answer-4");
        assertThat(documents.getList("items.issuedOn", String.class))
                .containsExactly("2026-10-14", "2026-10-15", "2026-11-20", "2026-11-25");

        List<String> hrefs = documents.getList("items.href", String.class);
        download(JUDGE, hrefs.get(0)).statusCode(200).contentType("application/pdf");
        for (String named : hrefs.subList(1, 4)) {
            download(JUDGE, named).statusCode(503).contentType("application/problem+json")
                    .body("status", org.hamcrest.Matchers.equalTo(503));
            download(JUDGE, named + "?format=docx").statusCode(503);
        }
    }

    @Test
    void a_case_closed_twice_has_two_written_answers_and_a_transfer_gives_the_new_department_its_sheet() throws Exception {
        UUID caseId = assignedCase("COURT");
        post(JUDGE, caseId, "close", Map.of("resolution", "explained", "closedOn", "2026-11-02"), null).statusCode(200);
        post(SUPERVISOR, caseId, "review", Map.of("reason", "disputes the answer", "requestedOn", "2026-11-10"), null)
                .statusCode(200);
        post(JUDGE, caseId, "close", Map.of("resolution", "upheld on review", "closedOn", "2026-11-20"), null)
                .statusCode(200);
        JsonPath answered = list(SUPERVISOR, caseId).statusCode(200).extract().jsonPath();
        assertThat(answered.getList("items.id", String.class))
                .containsExactly("assignment-sheet-1", "written-answer-2", "written-answer-4");
        assertThat(answered.getList("items.issuedOn", String.class)).containsExactly("2026-10-14", "2026-11-02", "2026-11-20");

        UUID moved = assignedCase("COURT");
        post(SUPERVISOR, moved, "transfer", Map.of("department", "JUSTICE_BUREAU", "reason", "a matter of legal aid"), null)
                .statusCode(200);
        JsonPath sheets = list(JUSTICE, moved).statusCode(200).extract().jsonPath();
        assertThat(sheets.getList("items.id", String.class)).containsExactly("assignment-sheet-1", "assignment-sheet-2");
        assertThat(sheets.getString("items[1].issuedOn")).isEqualTo(LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());
        byte[] pdf = download(JUSTICE, sheets.getString("items[1].href")).statusCode(200).extract().asByteArray();
        assertThat(pdfText(pdf)).contains("司法局：", "原由法院办理", "承办单位司法局", "原承办单位法院", caseNumber(moved));
        list(JUDGE, moved).statusCode(403); // the court no longer holds it
    }

    @Test
    void another_department_and_its_leader_get_403_for_the_list_and_the_files() {
        UUID caseId = assignedCase("COURT");
        String href = "/api/cases/" + caseId + "/documents/assignment-sheet-1";
        for (Users other : List.of(POLICE, PROCURATOR, JUSTICE, DEPARTMENT_LEADER)) {
            list(other, caseId).statusCode(403).contentType("application/problem+json");
            download(other, href).statusCode(403);
        }
        for (Users reader : List.of(RECEPTION, SUPERVISOR, LEADER, JUDGE)) {
            list(reader, caseId).statusCode(200);
        }
    }

    @Test
    void the_return_visit_officers_read_the_documents_only_once_the_case_was_closed() {
        UUID caseId = assignedCase("COURT");
        String href = "/api/cases/" + caseId + "/documents/assignment-sheet-1";
        list(FOLLOWUP, caseId).statusCode(403);
        download(FOLLOWUP, href).statusCode(403);

        post(JUDGE, caseId, "close", Map.of("resolution", "explained", "closedOn", "2026-11-02"), null).statusCode(200);
        assertThat(list(FOLLOWUP, caseId).statusCode(200).extract().jsonPath().getList("items.kind", String.class))
                .containsExactly("ASSIGNMENT_SHEET", "WRITTEN_ANSWER");
        download(FOLLOWUP, href).statusCode(200).contentType("application/pdf");
    }

    @Test
    void once_the_petitioner_is_erased_the_documents_are_listed_and_each_download_is_410() {
        UUID caseId = assignedCase("COURT");
        post(JUDGE, caseId, "close", Map.of("resolution", "explained", "closedOn", "2026-11-02"), null).statusCode(200);
        CaseFixtures.publish(caseId, new PersonalDataErased(caseId));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().header("Authorization", SUPERVISOR.bearer())
                .get("/api/cases/" + caseId).then().statusCode(200).extract().jsonPath()
                .getList("history.type", String.class).contains("case.personal-data-erased.v1"));

        JsonPath documents = list(SUPERVISOR, caseId).statusCode(200).extract().jsonPath();
        assertThat(documents.getList("items.kind", String.class)).containsExactly("ASSIGNMENT_SHEET", "WRITTEN_ANSWER");
        assertThat(documents.getList("items.issuedOn", String.class)).containsExactly("2026-10-14", "2026-11-02");
        for (String href : documents.getList("items.href", String.class)) {
            download(SUPERVISOR, href).statusCode(410).contentType("application/problem+json")
                    .body("status", org.hamcrest.Matchers.equalTo(410));
            download(SUPERVISOR, href + "?format=docx").statusCode(410);
        }
    }

    @Test
    void a_document_the_case_did_not_issue_and_an_unknown_case_are_404() {
        UUID caseId = assignedCase("COURT");
        for (String id : List.of("written-answer-1", "assignment-sheet-2", "nothing")) {
            download(SUPERVISOR, "/api/cases/" + caseId + "/documents/" + id).statusCode(404)
                    .contentType("application/problem+json");
        }
        list(SUPERVISOR, UUID.randomUUID()).statusCode(404);
    }

    /** The PDF's text without white space, as a reader sees it whatever the line breaks. */
    private static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument read = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true); // as laid out on the page
            return stripper.getText(read).replaceAll("\\s+", "");
        }
    }
}
