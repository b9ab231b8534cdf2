package org.lettersvisits.eventstore;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What {@code GET /api/admin/integrity} found: whether every stream's hash chain and the anchors hold
 * ({@code ok}), how many events it checked, and if not, the first broken event (by position) and what is
 * wrong with it.
 */
public record IntegrityReport(boolean ok, long checked, long streams, long brokenEvents, BrokenEvent firstBroken,
        long anchors, String anchorProblem, OffsetDateTime checkedAt) {

    /** An event whose chain does not hold: its content was altered, its link differs, or one before it is missing. */
    public record BrokenEvent(long position, UUID eventId, UUID aggregateId, int version, String problem) {
    }
}
