package org.lettersvisits.assignment.attachments;

import java.util.Optional;
import java.util.UUID;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * Where the sealed bytes of the cases' files are kept: this service's database ({@link DatabaseAttachmentStore}, the
 * default) or an S3-compatible object store ({@link S3AttachmentStore}, {@code attachments.store=s3}). Only sealed
 * bytes pass through here: the store never sees a file in clear, nor any key.
 * <p>
 * {@link #put} is called in the transaction that records the file's {@code AttachmentAdded}, before the event is
 * appended: the database keeps the bytes in that transaction, so both are written or neither; an object store writes at
 * once, and the caller {@link #discard}s the object when the transaction does not commit.
 */
public interface AttachmentStore {

    /** Keeps {@code sealed} as the bytes of attachment {@code attachmentId} of case {@code caseId}. */
    Uni<Void> put(SqlClient tx, UUID caseId, UUID attachmentId, byte[] sealed);

    /** The sealed bytes of an attachment; empty when they are not (or no longer) kept. */
    Uni<Optional<byte[]>> get(UUID caseId, UUID attachmentId);

    /** Forgets what {@link #put} wrote for a file whose event was not recorded (nothing to do in the database). */
    Uni<Void> discard(UUID caseId, UUID attachmentId);

    /** Deletes the bytes of every file of case {@code caseId} (its petitioner was erased); in {@code tx} where it can. */
    Uni<Void> deleteAll(SqlClient tx, UUID caseId);
}
