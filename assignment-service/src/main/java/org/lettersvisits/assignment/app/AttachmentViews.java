package org.lettersvisits.assignment.app;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.lettersvisits.contracts.assignment.AttachmentAdded;

/** The shapes the case's files travel in ({@code /api/cases/{id}/attachments}). */
public final class AttachmentViews {

    private AttachmentViews() {
    }

    /** What an upload answers: the file as recorded, its digest for the sender to compare with their own. */
    public record Added(UUID id, String name, String mediaType, long size, String sha256) {

        static Added of(AttachmentAdded added) {
            return new Added(added.attachmentId(), added.name(), added.mediaType(), added.size(), added.sha256());
        }
    }

    /**
     * One file in the case's list: {@code name} null once the petitioner was erased (the file is gone then too);
     * {@code addedBy} the user who added it.
     */
    public record Item(UUID id, String name, String mediaType, long size, String sha256, LocalDate addedOn,
            String addedBy, String kind) {

        static Item of(CaseAttachments.Listed listed) {
            AttachmentAdded a = listed.added();
            return new Item(a.attachmentId(), a.name(), a.mediaType(), a.size(), a.sha256(), a.addedOn(),
                    listed.stored().metadata().actor(), a.kind());
        }
    }

    /** A case's files, oldest first. */
    public record Items(List<Item> items) {
    }
}
