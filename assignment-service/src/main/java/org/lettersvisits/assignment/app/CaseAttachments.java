package org.lettersvisits.assignment.app;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import javax.crypto.SecretKey;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.InternalServerErrorException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response.Status;

import org.jboss.logging.Logger;
import org.lettersvisits.assignment.attachments.AttachmentSettings;
import org.lettersvisits.assignment.attachments.AttachmentStore;
import org.lettersvisits.assignment.attachments.FileSignature;
import org.lettersvisits.assignment.domain.AttachmentKind;
import org.lettersvisits.assignment.domain.CaseCommand.AddAttachment;
import org.lettersvisits.assignment.domain.CaseFile;
import org.lettersvisits.contracts.Department;
import org.lettersvisits.contracts.assignment.AttachmentAdded;
import org.lettersvisits.contracts.assignment.CaseEvent;
import org.lettersvisits.contracts.registry.PersonalTexts;
import org.lettersvisits.eventstore.Aggregate;
import org.lettersvisits.eventstore.EventMetadata;
import org.lettersvisits.eventstore.StoredEvent;
import org.lettersvisits.privacy.AesGcm;
import org.lettersvisits.privacy.DataKeys;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * The files of a case: added through the case's command path (the bytes sealed under the petitioner's data key and
 * stored before {@code AttachmentAdded} is appended, in its transaction), listed from the case's history, opened only
 * when their digest still matches the event's, and deleted with the petitioner's erasure. Who may do what is the
 * resource's to decide; here a case is already known to be the caller's to read.
 */
@ApplicationScoped
public class CaseAttachments {

    private static final Logger LOG = Logger.getLogger(CaseAttachments.class);

    /** A file as it was sent: its name (the sender's), where the server keeps it for the request, and its size. */
    public record Upload(String name, Path file, long size) {
    }

    /** One file of a case, as its event recorded it, and who added it. */
    public record Listed(AttachmentAdded added, StoredEvent<CaseEvent> stored) {
    }

    /** A file opened for download: what its event says, and its bytes in clear, checked against its digest. */
    public record Opened(AttachmentAdded added, byte[] content) {
    }

    private final CaseDesk desk;
    private final DataKeys keys;
    private final Instance<AttachmentStore> stores;
    private final AttachmentSettings settings;
    private final Vertx vertx;
    private final Pool pool;

    CaseAttachments(CaseDesk desk, DataKeys keys, Instance<AttachmentStore> stores, AttachmentSettings settings,
            Vertx vertx, Pool pool) {
        this.desk = desk;
        this.keys = keys;
        this.stores = stores;
        this.settings = settings;
        this.vertx = vertx;
        this.pool = pool;
    }

    /**
     * Adds {@code upload} to case {@code caseId} for a caller whose {@code mayAct} accepts the holding department (checked
     * again in the command's transaction): 413 over the cap and 415 for any file that is not a PDF, JPEG or PNG by its
     * signature, before anything is written; 410 once the petitioner was erased (no key to seal under).
     */
    public Uni<AttachmentAdded> add(UUID caseId, Upload upload, AttachmentKind kind, String actor,
            Predicate<Department> mayAct) {
        long cap = settings.maxSize().asLongValue();
        if (upload.size() > cap) {
            return Uni.createFrom().failure(new ClientErrorException("the file has " + upload.size()
                    + " bytes; a case's file takes at most " + cap, Status.REQUEST_ENTITY_TOO_LARGE));
        }
        return vertx.fileSystem().readFile(upload.file().toString()).map(buffer -> buffer.getBytes()).chain(content -> {
            String mediaType = FileSignature.mediaTypeOf(content).orElseThrow(() -> new ClientErrorException(
                    "the file is not a PDF, JPEG or PNG (judged by its content, not its name or type): a case's file "
                            + "takes " + String.join(", ", FileSignature.ACCEPTED), Status.UNSUPPORTED_MEDIA_TYPE));
            UUID attachmentId = UUID.randomUUID();
            AddAttachment command = new AddAttachment(attachmentId, upload.name(), mediaType, content.length,
                    sha256(content), kind, desk.today());
            AttachmentStore store = stores.get();
            return keyOf(caseId)
                    .chain(key -> vertx.executeBlocking(Uni.createFrom().item(() -> AesGcm.encrypt(content, key, caseId))))
                    .chain(sealed -> desk.execute(caseId, command, EventMetadata.ofRequest(actor), mayAct,
                            tx -> store.put(tx, caseId, attachmentId, sealed)))
                    .onFailure().call(failure -> store.discard(caseId, attachmentId)
                            .onFailure().invoke(e -> LOG.warnf("attachment %s of case %s not recorded and its object "
                                    + "not deleted: %s", attachmentId, caseId, e.getMessage()))
                            .onFailure().recoverWithNull())
                    .map(aggregate -> added(aggregate, attachmentId));
        });
    }

    /**
     * The files of a case, oldest first; once the case recorded its petitioner's erasure, without their names (as the
     * case shows no free text about them from then on, whether or not the key is gone yet).
     */
    public List<Listed> list(Aggregate<CaseEvent, CaseFile> aggregate) {
        boolean erased = aggregate.state().personalDataErased();
        return aggregate.history().stream().filter(stored -> stored.event() instanceof AttachmentAdded)
                .map(stored -> {
                    AttachmentAdded added = (AttachmentAdded) stored.event();
                    return new Listed(erased ? PersonalTexts.redacted(added) : added, stored);
                }).toList();
    }

    /**
     * File {@code attachmentId} of the case, opened: 404 for no such file of this case, 410 once the petitioner was
     * erased (the key and the bytes are gone), 500 when the bytes do not open or differ from what was uploaded.
     */
    public Uni<Opened> open(Aggregate<CaseEvent, CaseFile> aggregate, UUID attachmentId) {
        UUID caseId = aggregate.id();
        AttachmentAdded added = list(aggregate).stream().map(Listed::added)
                .filter(a -> a.attachmentId().equals(attachmentId)).findFirst()
                .orElseThrow(() -> new NotFoundException("case " + caseId + " has no file " + attachmentId));
        if (aggregate.state().personalDataErased()) {
            return Uni.createFrom().failure(erased());
        }
        return keyOf(caseId).chain(key -> stores.get().get(caseId, attachmentId).chain(sealed -> {
            if (sealed.isEmpty()) {
                return Uni.createFrom().failure(new InternalServerErrorException("the bytes of file " + attachmentId
                        + " are missing from the store"));
            }
            return vertx.executeBlocking(Uni.createFrom().item(() -> opened(added, sealed.get(), key)));
        }));
    }

    /** Deletes the bytes of every file of the case: its petitioner was erased. */
    public Uni<Void> erase(SqlClient tx, UUID caseId) {
        return stores.get().deleteAll(tx, caseId);
    }

    private Opened opened(AttachmentAdded added, byte[] sealed, SecretKey key) {
        byte[] content;
        try {
            content = AesGcm.decrypt(sealed, key, added.caseId());
        } catch (IllegalStateException e) {
            throw new InternalServerErrorException("file " + added.attachmentId() + " does not open: it was altered");
        }
        if (!sha256(content).equals(added.sha256())) {
            throw new InternalServerErrorException("file " + added.attachmentId()
                    + " differs from what was uploaded (its SHA-256 does not match the one recorded)");
        }
        return new Opened(added, content);
    }

    /** The petitioner's data key; 410 once it was withdrawn (the person erased). */
    private Uni<SecretKey> keyOf(UUID caseId) {
        return keys.keyOf(pool, caseId).map(key -> key.orElseThrow(CaseAttachments::erased));
    }

    private static ClientErrorException erased() {
        return new ClientErrorException("the petitioner's data was erased: the case's files are gone", Status.GONE);
    }

    private static AttachmentAdded added(Aggregate<CaseEvent, CaseFile> aggregate, UUID attachmentId) {
        Optional<AttachmentAdded> added = aggregate.history().stream().map(StoredEvent::event)
                .filter(AttachmentAdded.class::isInstance).map(AttachmentAdded.class::cast)
                .filter(a -> a.attachmentId().equals(attachmentId)).findFirst();
        return added.orElseThrow(() -> new IllegalStateException("file " + attachmentId + " was not recorded"));
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
