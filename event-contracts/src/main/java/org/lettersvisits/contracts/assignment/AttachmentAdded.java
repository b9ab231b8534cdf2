package org.lettersvisits.contracts.assignment;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.lettersvisits.contracts.EventType;
import org.lettersvisits.contracts.PersonalText;

/**
 * A file was added to the case's file (a letter, evidence, an answer, a photo of a receipt): the bytes are kept by
 * assignment-service alone, sealed under the petitioner's data key, so this event carries only what lists and checks
 * them. {@code name} is the file's name as uploaded, personal text (a name often names the petitioner), sealed like
 * the rest; {@code mediaType} is what its signature says it is ({@code application/pdf}, {@code image/jpeg},
 * {@code image/png}), never what the sender claimed; {@code sha256} the hex digest of the bytes as uploaded, which a
 * download checks; {@code kind} what the file is to the case (LETTER, EVIDENCE, ANSWER, RECEIPT_PHOTO, OTHER).
 * The status and holder stay as they were.
 */
@EventType("case.attachment-added.v1")
public record AttachmentAdded(UUID caseId, UUID attachmentId, @PersonalText String name, String mediaType, long size,
        String sha256, String kind, LocalDate addedOn) implements CaseEvent {

    @Override
    public Optional<CaseStatus> newStatus() {
        return Optional.empty();
    }

    @Override
    public <R> R accept(CaseEvent.Visitor<R> visitor) {
        return visitor.attachmentAdded(this);
    }
}
