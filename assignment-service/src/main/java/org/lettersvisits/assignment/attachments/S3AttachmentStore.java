package org.lettersvisits.assignment.attachments;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.lookup.LookupIfProperty;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.SqlClient;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The files' sealed bytes in an S3-compatible object store ({@code attachments.store=s3}): one object per file,
 * {@code cases/<case id>/<attachment id>}, in {@code attachments.s3.bucket}, through the client quarkus-amazon-s3 makes
 * ({@code quarkus.s3.*}). The object is written before the transaction that records the file's event; when that
 * transaction does not commit the caller deletes it ({@link #discard}), and should that delete fail too the orphan holds
 * only sealed bytes, unreadable once the petitioner's key goes, and is deleted with the case's others at the erasure
 * (which deletes everything under the case's prefix). The client calls block: they run on a worker thread.
 */
@ApplicationScoped
@LookupIfProperty(name = "attachments.store", stringValue = "s3")
public class S3AttachmentStore implements AttachmentStore {

    private final S3Client s3;
    private final String bucket;
    private final Vertx vertx;

    S3AttachmentStore(S3Client s3, AttachmentSettings settings, Vertx vertx) {
        this.s3 = s3;
        this.bucket = settings.s3().bucket().orElseThrow(
                () -> new IllegalStateException("attachments.store=s3 needs attachments.s3.bucket"));
        this.vertx = vertx;
    }

    @Override
    public Uni<Void> put(SqlClient tx, UUID caseId, UUID attachmentId, byte[] sealed) {
        return blocking(() -> s3.putObject(put -> put.bucket(bucket).key(key(caseId, attachmentId))
                .contentType("application/octet-stream"), RequestBody.fromBytes(sealed))).replaceWithVoid();
    }

    @Override
    public Uni<Optional<byte[]>> get(UUID caseId, UUID attachmentId) {
        return blocking(() -> {
            try {
                return Optional.of(s3.getObjectAsBytes(get -> get.bucket(bucket).key(key(caseId, attachmentId)))
                        .asByteArray());
            } catch (NoSuchKeyException gone) {
                return Optional.<byte[]>empty();
            }
        });
    }

    @Override
    public Uni<Void> discard(UUID caseId, UUID attachmentId) {
        return blocking(() -> s3.deleteObject(delete -> delete.bucket(bucket).key(key(caseId, attachmentId))))
                .replaceWithVoid();
    }

    /**
     * Every object under the case's prefix, one delete each (a case has a handful of files; DeleteObjects would need a
     * checksum some S3-compatible stores do not take); not in {@code tx}, which it cannot join.
     */
    @Override
    public Uni<Void> deleteAll(SqlClient tx, UUID caseId) {
        return blocking(() -> {
            for (var page : s3.listObjectsV2Paginator(list -> list.bucket(bucket).prefix("cases/" + caseId + "/"))) {
                for (S3Object object : page.contents()) {
                    s3.deleteObject(delete -> delete.bucket(bucket).key(object.key()));
                }
            }
            return null;
        }).replaceWithVoid();
    }

    static String key(UUID caseId, UUID attachmentId) {
        return "cases/" + caseId + "/" + attachmentId;
    }

    private <T> Uni<T> blocking(java.util.function.Supplier<T> call) {
        return vertx.executeBlocking(Uni.createFrom().item(call));
    }
}
