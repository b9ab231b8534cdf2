package org.lettersvisits.assignment.attachments;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.lookup.LookupUnlessProperty;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The files' sealed bytes in this service's own database ({@code attachment_content}), the default: written in the
 * transaction that records the file's event, deleted in the one that records the petitioner's erasure. Nothing to set up,
 * and one backup holds the case and its files together; the price is a database that grows with the files (bounded by
 * {@code attachments.max-size} each).
 */
@ApplicationScoped
@LookupUnlessProperty(name = "attachments.store", stringValue = "s3")
public class DatabaseAttachmentStore implements AttachmentStore {

    private final Pool pool;

    DatabaseAttachmentStore(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<Void> put(SqlClient tx, UUID caseId, UUID attachmentId, byte[] sealed) {
        return tx.preparedQuery("INSERT INTO attachment_content (attachment_id, case_id, sealed) VALUES ($1, $2, $3)")
                .execute(Tuple.of(attachmentId, caseId, Buffer.buffer(sealed))).replaceWithVoid();
    }

    @Override
    public Uni<Optional<byte[]>> get(UUID caseId, UUID attachmentId) {
        return pool.preparedQuery("SELECT sealed FROM attachment_content WHERE attachment_id = $1 AND case_id = $2")
                .execute(Tuple.of(attachmentId, caseId))
                .map(rows -> rows.size() == 0 ? Optional.empty()
                        : Optional.of(rows.iterator().next().getBuffer("sealed").getBytes()));
    }

    @Override
    public Uni<Void> discard(UUID caseId, UUID attachmentId) {
        return Uni.createFrom().voidItem(); // the transaction that did not commit took the row with it
    }

    @Override
    public Uni<Void> deleteAll(SqlClient tx, UUID caseId) {
        return tx.preparedQuery("DELETE FROM attachment_content WHERE case_id = $1").execute(Tuple.of(caseId))
                .replaceWithVoid();
    }
}
