package org.lettersvisits.eventstore;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What {@code GET /api/admin/integrity} found: whether the log holds ({@code ok}), how many events it checked, the first
 * broken link if any (its stream, version and what is wrong), what is wrong with the anchors in the database
 * ({@code anchorProblem}), with the anchors that left it ({@code externalAnchorProblem}: {@code externalAnchors} of them
 * read, the last one's id and hash) and with the access log ({@code accessLogProblem}). Every hash is recomputed in Java
 * from the stored rows: nothing the database owner could replace takes part.
 */
public record IntegrityReport(boolean ok, long checked, long streams, long brokenEvents, BrokenEvent firstBroken,
        long anchors, String anchorProblem, long externalAnchors, Long lastExternalAnchor, String lastExternalAnchorHash,
        String externalAnchorProblem, String accessLogProblem, OffsetDateTime checkedAt) {

    /**
     * The first link that does not hold: an event altered, linked to another than its predecessor, or following a
     * gap; or a stream's head that an anchor recorded and that is no longer there as it was ({@code position} and
     * {@code eventId} absent when the event is gone).
     */
    public record BrokenEvent(Long position, UUID eventId, UUID aggregateId, int version, String problem) {
    }
}
