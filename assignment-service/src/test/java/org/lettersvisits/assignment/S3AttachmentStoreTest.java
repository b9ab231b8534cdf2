package org.lettersvisits.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.lettersvisits.assignment.AttachmentsApiTest.download;
import static org.lettersvisits.assignment.AttachmentsApiTest.pdf;
import static org.lettersvisits.assignment.AttachmentsApiTest.sha256;
import static org.lettersvisits.assignment.AttachmentsApiTest.upload;
import static org.lettersvisits.assignment.CaseFixtures.assignedCase;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.jclouds.blobstore.domain.StorageMetadata;
import org.jclouds.blobstore.options.ListContainerOptions;
import org.junit.jupiter.api.Test;
import org.lettersvisits.contracts.petition.PersonalDataErased;
import org.lettersvisits.testsupport.RealInfrastructure;
import org.lettersvisits.testsupport.Users;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The files in an S3-compatible object store ({@code attachments.store=s3}), here s3proxy inside the test JVM: each file
 * one sealed object under {@code cases/<case>/<file>}, read back byte for byte, none written on a refusal, and every
 * object of the case deleted with the petitioner's erasure. The database keeps no bytes then.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(value = S3ProxyServer.class, restrictToAnnotatedClass = true)
class S3AttachmentStoreTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    @Test
    void a_file_round_trips_through_the_bucket_sealed_and_goes_with_the_erasure() throws Exception {
        UUID caseId = assignedCase("COURT");
        byte[] letter = pdf("赵建国的申诉书");

        String id = upload(Users.JUDGE, caseId, "申诉书.pdf", "application/pdf", letter, "LETTER").statusCode(201)
                .body("sha256", equalTo(sha256(letter))).extract().jsonPath().getString("id");

        assertThat(objects(caseId)).containsExactly("cases/" + caseId + "/" + id);
        byte[] stored = object("cases/" + caseId + "/" + id);
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).as("sealed, never in clear").doesNotContain("%PDF");
        assertThat(pool.preparedQuery("SELECT count(*) FROM attachment_content WHERE case_id = $1").execute(Tuple.of(caseId))
                .await().atMost(WAIT).iterator().next().getLong(0)).as("no bytes in the database").isZero();
        assertThat(download(Users.JUDGE, caseId, id).statusCode(200).contentType("application/pdf").extract().asByteArray())
                .isEqualTo(letter);

        CaseFixtures.publish(caseId, new PersonalDataErased(caseId));

        await().atMost(WAIT).until(() -> objects(caseId).isEmpty());
        download(Users.JUDGE, caseId, id).statusCode(410);
    }

    @Test
    void a_refused_file_leaves_no_object() {
        UUID caseId = assignedCase("COURT");
        byte[] executable = Arrays.copyOf(new byte[] { 'M', 'Z' }, 256);

        upload(Users.JUDGE, caseId, "x.pdf", "application/pdf", executable, null).statusCode(415);
        upload(Users.POLICE, caseId, "y.pdf", "application/pdf", pdf("y"), null).statusCode(403);

        assertThat(objects(caseId)).isEmpty();
    }

    private static List<String> objects(UUID caseId) {
        return S3ProxyServer.blobStore().list(S3ProxyServer.BUCKET,
                ListContainerOptions.Builder.prefix("cases/" + caseId + "/").recursive()).stream()
                .map(StorageMetadata::getName).toList();
    }

    private static byte[] object(String key) throws IOException {
        try (InputStream in = S3ProxyServer.blobStore().getBlob(S3ProxyServer.BUCKET, key).getPayload().openStream()) {
            return in.readAllBytes();
        }
    }
}
