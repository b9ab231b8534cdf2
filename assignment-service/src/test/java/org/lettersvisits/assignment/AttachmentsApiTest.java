package org.lettersvisits.assignment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.containsString;
import static org.lettersvisits.assignment.CaseFixtures.assignedCase;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.http.entity.mime.HttpMultipartMode;
import org.junit.jupiter.api.Test;
import org.lettersvisits.contracts.petition.PersonalDataErased;
import org.lettersvisits.testsupport.RealInfrastructure;
import org.lettersvisits.testsupport.Users;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.MultiPartConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.ValidatableResponse;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The files of a case ({@code /api/cases/{id}/attachments}): a PDF, JPEG or PNG by its signature, at most
 * {@code attachments.max-size}, added by those who act on the case and read back, byte for byte, by those who read its
 * file; nothing written on any refusal; gone with the petitioner's erasure. The bytes kept are sealed, never in clear.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class AttachmentsApiTest {

    static final int CAP = 10 * 1024 * 1024;
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    /** A small PDF whose text names the petitioner, so its bytes in clear would show in the table. */
    static byte[] pdf(String text) {
        return ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% " + text + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Sends {@code content} as a browser does: a multipart form with its Content-Length (RestAssured sends bytes it holds
     * in memory in chunks, a file with its length).
     */
    static ValidatableResponse upload(Users user, UUID caseId, String name, String contentType, byte[] content, String kind) {
        File file;
        try {
            file = Files.write(Files.createTempDirectory("upload").resolve(name), content).toFile();
            file.deleteOnExit();
            file.getParentFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // as a browser sends it: the file's name in UTF-8 (HttpClient's strict mode would make it ASCII)
        var request = given().config(RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                .httpMultipartMode(HttpMultipartMode.BROWSER_COMPATIBLE)).multiPartConfig(MultiPartConfig.multiPartConfig()
                        .defaultCharset(StandardCharsets.UTF_8)))
                .header("Authorization", user.bearer()).multiPart("file", file, contentType);
        if (kind != null) {
            request = request.multiPart("kind", kind);
        }
        return request.post("/api/cases/" + caseId + "/attachments").then();
    }

    static ValidatableResponse list(Users user, UUID caseId) {
        return given().header("Authorization", user.bearer()).get("/api/cases/" + caseId + "/attachments").then();
    }

    static ValidatableResponse download(Users user, UUID caseId, String attachmentId) {
        return given().header("Authorization", user.bearer()).get("/api/cases/" + caseId + "/attachments/" + attachmentId)
                .then();
    }

    static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    @Test
    void a_pdf_added_by_the_department_comes_back_byte_for_byte_under_its_chinese_name() throws Exception {
        UUID caseId = assignedCase("COURT");
        byte[] letter = pdf("信访人王秀英的来信");

        String id = upload(Users.JUDGE, caseId, "王秀英来信.pdf", "application/pdf", letter, "LETTER").statusCode(201)
                .body("name", equalTo("王秀英来信.pdf")).body("mediaType", equalTo("application/pdf"))
                .body("size", equalTo(letter.length)).body("sha256", equalTo(sha256(letter)))
                .header("Location", containsString("/api/cases/" + caseId + "/attachments/"))
                .extract().jsonPath().getString("id");

        var answer = download(Users.JUDGE, caseId, id).statusCode(200).contentType("application/pdf")
                .header("Content-Disposition", equalTo("attachment; filename=\"_____.pdf\"; filename*=UTF-8''"
                        + "%E7%8E%8B%E7%A7%80%E8%8B%B1%E6%9D%A5%E4%BF%A1.pdf")).extract();
        assertThat(answer.asByteArray()).isEqualTo(letter);
        assertThat(sha256(answer.asByteArray())).isEqualTo(sha256(letter));

        list(Users.SUPERVISOR, caseId).statusCode(200).body("items.size()", equalTo(1))
                .body("items[0].id", equalTo(id)).body("items[0].name", equalTo("王秀英来信.pdf"))
                .body("items[0].mediaType", equalTo("application/pdf")).body("items[0].size", equalTo(letter.length))
                .body("items[0].sha256", equalTo(sha256(letter))).body("items[0].kind", equalTo("LETTER"))
                .body("items[0].addedBy", equalTo("judge1")).body("items[0].addedOn", equalTo(today()));
        assertThat(count("SELECT count(*) FROM attachment_content WHERE case_id = $1 AND position($2 in sealed) > 0",
                caseId, Buffer.buffer("王秀英".getBytes(StandardCharsets.UTF_8)))).as("sealed, never in clear").isZero();
        assertThat(count("SELECT count(*) FROM event WHERE aggregate_id = $1 AND type = 'case.attachment-added.v1'"
                + " AND payload->>'name' LIKE 'sealed:v1:%'", caseId)).as("its name sealed in the event").isEqualTo(1);
    }

    @Test
    void reception_and_the_supervisor_add_jpeg_and_png_judged_by_their_signature() {
        UUID caseId = assignedCase("PUBLIC_SECURITY");
        byte[] jpeg = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F' };
        byte[] png = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D };

        // the name and the type sent say nothing: the bytes do
        upload(Users.RECEPTION, caseId, "receipt", "application/octet-stream", jpeg, "RECEIPT_PHOTO").statusCode(201)
                .body("mediaType", equalTo("image/jpeg"));
        upload(Users.SUPERVISOR, caseId, "photo.pdf", "application/pdf", png, null).statusCode(201)
                .body("mediaType", equalTo("image/png"));
        list(Users.POLICE, caseId).statusCode(200).body("items.kind", equalTo(java.util.List.of("RECEIPT_PHOTO", "OTHER")));
    }

    @Test
    void a_windows_executable_named_as_a_pdf_is_refused_with_415_and_nothing_is_stored() {
        UUID caseId = assignedCase("COURT");
        byte[] executable = Arrays.copyOf(new byte[] { 'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0 }, 512);

        upload(Users.JUDGE, caseId, "x.pdf", "application/pdf", executable, "EVIDENCE").statusCode(415)
                .contentType("application/problem+json").body("status", equalTo(415));

        assertNothingStored(caseId);
    }

    @Test
    void a_file_over_the_cap_is_refused_with_413_and_nothing_is_stored() {
        UUID caseId = assignedCase("COURT");
        byte[] large = Arrays.copyOf(pdf("large"), CAP + 1);

        upload(Users.JUDGE, caseId, "large.pdf", "application/pdf", large, null).statusCode(413)
                .contentType("application/problem+json").body("status", equalTo(413));
        byte[] atTheCap = Arrays.copyOf(pdf("at the cap"), CAP);
        upload(Users.JUDGE, caseId, "cap.pdf", "application/pdf", atTheCap, null).statusCode(201).body("size", equalTo(CAP));
        assertThat(count("SELECT count(*) FROM attachment_content WHERE case_id = $1", caseId)).isEqualTo(1);
    }

    @Test
    void a_body_far_over_the_servers_limit_gets_our_413_not_a_reset() {
        UUID caseId = assignedCase("COURT");
        byte[] huge = Arrays.copyOf(pdf("huge"), 2 * CAP);

        upload(Users.JUDGE, caseId, "huge.pdf", "application/pdf", huge, null).statusCode(413)
                .contentType("application/problem+json").body("status", equalTo(413));

        assertNothingStored(caseId);
    }

    @Test
    void every_other_path_still_takes_64_kib_at_most() {
        UUID caseId = assignedCase("COURT");
        CaseLifecycleApiTest.post(Users.JUDGE, caseId, "close", Map.of("resolution", "x".repeat(70_000)), null)
                .statusCode(413).contentType("application/problem+json");
    }

    @Test
    void another_department_gets_403_and_adds_nothing() {
        UUID caseId = assignedCase("COURT");
        String id = upload(Users.JUDGE, caseId, "a.pdf", "application/pdf", pdf("a"), null).statusCode(201)
                .extract().jsonPath().getString("id");

        upload(Users.POLICE, caseId, "b.pdf", "application/pdf", pdf("b"), null).statusCode(403);
        list(Users.POLICE, caseId).statusCode(403);
        download(Users.POLICE, caseId, id).statusCode(403);
        upload(Users.DEPARTMENT_LEADER, caseId, "c.pdf", "application/pdf", pdf("c"), null).statusCode(403);
        assertThat(count("SELECT count(*) FROM attachment_content WHERE case_id = $1", caseId)).isEqualTo(1);
    }

    @Test
    void the_return_visit_officers_read_the_files_once_the_case_was_closed() {
        UUID caseId = assignedCase("COURT");
        String id = upload(Users.JUDGE, caseId, "a.pdf", "application/pdf", pdf("a"), "ANSWER").statusCode(201)
                .extract().jsonPath().getString("id");
        list(Users.FOLLOWUP, caseId).statusCode(403);
        download(Users.FOLLOWUP, caseId, id).statusCode(403);
        upload(Users.FOLLOWUP, caseId, "b.pdf", "application/pdf", pdf("b"), null).statusCode(403);

        CaseLifecycleApiTest.post(Users.JUDGE, caseId, "close", Map.of("resolution", "已答复"), null).statusCode(200);

        list(Users.FOLLOWUP, caseId).statusCode(200).body("items.size()", equalTo(1));
        download(Users.FOLLOWUP, caseId, id).statusCode(200);
        download(Users.FOLLOWUP, caseId, UUID.randomUUID().toString()).statusCode(404);
    }

    @Test
    void the_petitioners_erasure_deletes_the_bytes_and_a_download_is_410() {
        UUID caseId = assignedCase("COURT");
        String id = upload(Users.JUDGE, caseId, "王秀英身份证.png", "image/png",
                new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3 }, "EVIDENCE").statusCode(201)
                .extract().jsonPath().getString("id");
        assertThat(count("SELECT count(*) FROM attachment_content WHERE case_id = $1", caseId)).isEqualTo(1);

        CaseFixtures.publish(caseId, new PersonalDataErased(caseId));

        await().atMost(WAIT).until(() -> count("SELECT count(*) FROM attachment_content WHERE case_id = $1", caseId) == 0);
        download(Users.JUDGE, caseId, id).statusCode(410).contentType("application/problem+json");
        list(Users.JUDGE, caseId).statusCode(200).body("items[0].id", equalTo(id)).body("items[0].name", equalTo(null));
        upload(Users.JUDGE, caseId, "later.pdf", "application/pdf", pdf("later"), null).statusCode(409);
    }

    @Test
    void bytes_that_differ_from_the_recorded_digest_are_not_sent() {
        UUID caseId = assignedCase("COURT");
        byte[] first = pdf("first");
        String firstId = upload(Users.JUDGE, caseId, "first.pdf", "application/pdf", first, null).statusCode(201)
                .extract().jsonPath().getString("id");
        String secondId = upload(Users.JUDGE, caseId, "second.pdf", "application/pdf", pdf("second"), null).statusCode(201)
                .extract().jsonPath().getString("id");

        // the second file's sealed bytes in place of the first's: they open (same key, same case) but are not the first
        pool.preparedQuery("UPDATE attachment_content SET sealed = (SELECT sealed FROM attachment_content WHERE "
                + "attachment_id = $2) WHERE attachment_id = $1").execute(Tuple.of(UUID.fromString(firstId),
                        UUID.fromString(secondId))).await().atMost(Duration.ofSeconds(10));

        var refused = download(Users.JUDGE, caseId, firstId).statusCode(500).contentType("application/problem+json")
                .body("detail", containsString("SHA-256")).extract().asByteArray();
        assertThat(new String(refused, StandardCharsets.UTF_8)).doesNotContain("second");
        download(Users.JUDGE, caseId, secondId).statusCode(200);
    }

    @Test
    void no_file_in_the_form_or_an_unknown_kind_is_a_400() {
        UUID caseId = assignedCase("COURT");
        given().header("Authorization", Users.JUDGE.bearer()).multiPart("kind", "LETTER")
                .post("/api/cases/" + caseId + "/attachments").then().statusCode(400);
        upload(Users.JUDGE, caseId, "a.pdf", "application/pdf", pdf("a"), "DIARY").statusCode(400);
        assertNothingStored(caseId);
    }

    private void assertNothingStored(UUID caseId) {
        assertThat(count("SELECT count(*) FROM attachment_content WHERE case_id = $1", caseId)).isZero();
        assertThat(count("SELECT count(*) FROM event WHERE aggregate_id = $1 AND type = 'case.attachment-added.v1'",
                caseId)).isZero();
        list(Users.SUPERVISOR, caseId).statusCode(200).body("items.size()", equalTo(0));
    }

    private static String today() {
        return java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
    }

    private long count(String sql, Object... parameters) {
        return pool.preparedQuery(sql).execute(Tuple.from(parameters)).await().atMost(Duration.ofSeconds(10)).iterator()
                .next().getLong(0);
    }
}
