package org.lettersvisits.eventstore;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One anchor of a service's event log, as it is stored and as it leaves the database: it covers the events of every
 * transaction below {@code coversBelow} ({@code streams} streams, {@code events} events), records the heads of the
 * {@code anchoredHeads} streams that moved since the previous anchor (their digest, {@code headsDigest}) and the access
 * log's last entry ({@code accessLogHead}, "id:hash"), and extends the previous anchor ({@code previousHash}). Signed
 * anchors hash in Java ({@link #expectedHash}); the unsigned ones made before signing (no {@code keyId}) hash as
 * {@code anchor_hash} did.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Anchor(String service, long id, Instant anchoredAt, String coversBelow, long streams, long events,
        Long anchoredHeads, String headsDigest, String accessLogHead, String previousHash, String hash, String keyId,
        String signature) {

    /** The hash this anchor's content must have. */
    public String expectedHash() {
        if (keyId == null) {
            return Hashes.of(previousHash == null ? "" : previousHash, coversBelow, Long.toString(streams),
                    Long.toString(events), headsDigest);
        }
        return Hashes.of("anchor.v2", previousHash == null ? "" : previousHash, Long.toString(id), anchoredAt.toString(),
                coversBelow, Long.toString(streams), Long.toString(events), Long.toString(anchoredHeads), headsDigest,
                accessLogHead == null ? "" : accessLogHead);
    }

    public boolean signed() {
        return keyId != null;
    }
}
