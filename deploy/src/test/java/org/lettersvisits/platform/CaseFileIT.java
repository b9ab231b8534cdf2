package org.lettersvisits.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.path.json.JsonPath;

/**
 * The case file and the worklist across the running services: assignment-service's file and followup-service's
 * worklist carry the petitioner that only petition-service holds, asked with the user's own token, so petition-service's
 * rules decide and its access log records every showing. Each service's own tests cover the rest with petition-service
 * away; here it answers.
 */
@ExtendWith(SharedPlatform.class)
class CaseFileIT {

    private static final String NAME = "孙秀英";
    private static final String PHONE = "13822334455";

    @Test
    void the_file_shows_the_petitioner_masked_to_each_reader_and_petition_service_logs_every_reading() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String description = "信访人反映其子被羁押期间受伤，请求依法调查并给予赔偿。" + tag;
        String id = E2eClient.as("reception1", E2eClient.PETITION).body(Map.of("channel", "LETTER", "receivedOn", "2025-09-02",
                "petitioner", Map.of("name", NAME, "phone", PHONE, "address", "河北省石家庄市长安区建设北大街8号"),
                "subject", "羁押期间受伤赔偿 " + tag, "description", description, "involvesLawAndLitigation", true))
                .post("/api/petitions").then().statusCode(201).extract().path("id");
        await().atMost(Browser.WAIT).until(() -> E2eClient.as("supervisor1", E2eClient.ASSIGNMENT)
                .body(Map.of("petitionId", id, "department", "PUBLIC_SECURITY", "responsibleLeader", "刘副局长",
                        "assignedOn", "2025-09-03"))
                .post("/api/cases").statusCode() == 201);

        for (String reader : List.of("reception1", "supervisor1", "leader1", "police1")) {
            JsonPath file = file(reader, id, 200);
            assertThat(file.getBoolean("petitionUnavailable")).as(reader).isFalse();
            assertThat(file.getString("petitioner.name")).as(reader).isEqualTo(NAME);
            assertThat(file.getString("petitioner.phone")).as(reader).isEqualTo("138****4455");
            assertThat(file.getString("petitioner.address")).as(reader).startsWith("河北省石家庄").doesNotContain("建设北大街");
            assertThat(file.getString("description")).as(reader).isEqualTo(description);
        }
        file("judge1", id, 403);
        file("followup1", id, 403);
        assertThat(accessLog(id, "CASE_FILE")).as("one CASE_FILE row per reading")
                .containsExactlyInAnyOrder("reception1", "supervisor1", "leader1", "police1");

        Map<?, ?> revealed = E2eClient.as("police1", E2eClient.ASSIGNMENT).post("/api/cases/" + id + "/file/reveal").then()
                .statusCode(200).extract().as(Map.class);
        assertThat(revealed.get("phone")).isEqualTo(PHONE);
        E2eClient.as("judge1", E2eClient.ASSIGNMENT).post("/api/cases/" + id + "/file/reveal").then().statusCode(403);
        assertThat(accessLog(id, "REVEAL")).containsExactly("police1");

        // closed: the return-visit officer opens the file, and the worklist says whom to call
        E2eClient.as("police1", E2eClient.ASSIGNMENT).post("/api/cases/" + id + "/accept?acceptedOn=2025-09-04").then().statusCode(200);
        String extensionReason = "需调取外地医院病历并委托伤情鉴定 " + tag;
        E2eClient.as("supervisor1", E2eClient.ASSIGNMENT).body(Map.of("days", 30, "reason", extensionReason,
                "extendedOn", "2025-09-10")).post("/api/cases/" + id + "/extension").then().statusCode(200);
        E2eClient.as("police1", E2eClient.ASSIGNMENT).body(Map.of("resolution", "经核查已依法处理 " + tag, "closedOn", "2025-09-20"))
                .post("/api/cases/" + id + "/close").then().statusCode(200);

        // the papers the steps issued, each a PDF addressed to the petitioner by the name petition-service holds
        JsonPath documents = E2eClient.as("police1", E2eClient.ASSIGNMENT).get("/api/cases/" + id + "/documents").then()
                .statusCode(200).extract().jsonPath();
        assertThat(documents.getList("items.kind", String.class)).containsExactly("ASSIGNMENT_SHEET", "ACCEPTANCE_NOTICE",
                "EXTENSION_NOTICE", "WRITTEN_ANSWER");
        assertThat(documents.getList("items.issuedOn", String.class)).containsExactly("2025-09-03", "2025-09-04",
                "2025-09-10", "2025-09-20");
        String extension = pdfText(documents.getString("items.find { it.kind == 'EXTENSION_NOTICE' }.href"));
        assertThat(extension).contains(NAME).contains(extensionReason.replace(" ", ""));
        String answer = pdfText(documents.getString("items.find { it.kind == 'WRITTEN_ANSWER' }.href"));
        assertThat(answer).contains(NAME).contains("经核查已依法处理" + tag).contains("2025年9月20日");
        await().atMost(Browser.WAIT).until(() -> E2eClient.as("followup1", E2eClient.ASSIGNMENT)
                .get("/api/cases/" + id + "/file").statusCode() == 200);
        assertThat(file("followup1", id, 200).getString("answer.resolution")).contains(tag);
        String caseNumber = file("followup1", id, 200).getString("caseNumber");
        JsonPath worklist = await().atMost(Browser.WAIT).until(() -> E2eClient.as("followup1", E2eClient.FOLLOWUP)
                .queryParam("q", caseNumber).get("/api/return-visits").then().statusCode(200).extract().jsonPath(),
                page -> page.getList("items").size() == 1);
        assertThat(worklist.getBoolean("petitionersUnavailable")).isFalse();
        assertThat(worklist.getString("items[0].petitioner.name")).isEqualTo(NAME);
        assertThat(worklist.getString("items[0].petitioner.phone")).isEqualTo("138****4455");
        assertThat(accessLog(id, "CONTACTS")).contains("followup1");
    }

    /** A document downloaded as police1 and read back as text, without the layout's spaces and line breaks. */
    private static String pdfText(String href) {
        byte[] pdf = E2eClient.as("police1", E2eClient.ASSIGNMENT).get(href).then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", "");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JsonPath file(String user, String id, int status) {
        return E2eClient.as(user, E2eClient.ASSIGNMENT).get("/api/cases/" + id + "/file").then().statusCode(status)
                .extract().jsonPath();
    }

    private static List<String> accessLog(String petitionId, String kind) {
        return E2eClient.as("admin1", E2eClient.PETITION).queryParam("petitionId", petitionId).queryParam("kind", kind)
                .get("/api/admin/record-views").then().statusCode(200).extract().jsonPath().getList("items.viewer");
    }
}
