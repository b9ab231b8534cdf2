package org.lettersvisits.petition;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.containsString;
import static org.lettersvisits.petition.PetitionBodies.visit;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lettersvisits.testsupport.RealInfrastructure;
import org.lettersvisits.testsupport.Users;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The receipt a visitor takes home: case number, statutory notice day, how to ask; the ID number never whole. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class ReceiptTest {

    @Test
    void the_receipt_names_the_case_the_statutory_notice_day_and_how_to_ask_with_the_id_number_masked() {
        // received on 29 August 2026: 15 days end on Sunday 13 September, so the notice is due on Monday 14 September
        String id = given().header("Authorization", Users.RECEPTION.bearer()).contentType(ContentType.JSON)
                .body(PetitionBodies.with(visit(), "receivedOn", "2026-08-29")).post("/api/petitions").then()
                .statusCode(201).extract().path("id");
        String caseNumber = given().header("Authorization", Users.RECEPTION.bearer()).get("/api/petitions/" + id + "/receipt")
                .then().statusCode(200)
                .body("receivedOn", equalTo("2026-08-29"))
                .body("petitionerName", equalTo("Wang Min"))
                .body("idNumber", equalTo("130100********6955"))
                .body("acceptanceNoticeDue.date", equalTo("2026-09-14"))
                .body("acceptanceNoticeDue.provisional", equalTo(false))
                .body("enquiries", containsString("信访编号"))
                .extract().path("caseNumber");
        org.assertj.core.api.Assertions.assertThat(caseNumber).startsWith("XF-2026-");

        given().header("Authorization", Users.SUPERVISOR.bearer()).get("/api/petitions/" + id + "/receipt").then()
                .statusCode(200).body("caseNumber", equalTo(caseNumber));
        given().header("Authorization", Users.JUDGE.bearer()).get("/api/petitions/" + id + "/receipt").then().statusCode(403);
        given().header("Authorization", Users.RECEPTION.bearer()).get("/api/petitions/" + UUID.randomUUID() + "/receipt")
                .then().statusCode(404).contentType("application/problem+json");

        // the same receipt as an A5 PDF, Chinese text embedded, the ID number still masked
        byte[] pdf = given().header("Authorization", Users.RECEPTION.bearer()).get("/api/petitions/" + id + "/receipt.pdf")
                .then().statusCode(200).contentType("application/pdf")
                .header("Content-Disposition", containsString("receipt-" + caseNumber + ".pdf")).extract().asByteArray();
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            org.assertj.core.api.Assertions.assertThat(document.getPage(0).getMediaBox().getWidth()).as("A5")
                    .isBetween(419f, 421f);
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", "");
            org.assertj.core.api.Assertions.assertThat(text).contains("信访事项登记回执", caseNumber, "WangMin",
                    "130100********6955", "书面告知是否受理，不迟于2026-09-14").doesNotContain("130100199312266955");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        given().header("Authorization", Users.JUDGE.bearer()).get("/api/petitions/" + id + "/receipt.pdf").then()
                .statusCode(403);
        given().header("Authorization", Users.RECEPTION.bearer()).get("/api/petitions/" + UUID.randomUUID() + "/receipt.pdf")
                .then().statusCode(404);
    }
}
