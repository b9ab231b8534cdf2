package org.lettersvisits.eventstore;

import java.util.UUID;

/**
 * The aggregate changed since the caller read it: either the caller's {@code If-Match} version is
 * stale, or another writer appended the same version first. HTTP 412 when the caller sent a
 * version, 409 otherwise.
 */
public class ConcurrencyConflict extends RuntimeException {

    private final boolean expectedVersionGiven;

    public ConcurrencyConflict(UUID aggregateId, String detail, boolean expectedVersionGiven) {
        super("aggregate " + aggregateId + " changed concurrently: " + detail);
        this.expectedVersionGiven = expectedVersionGiven;
    }

    public boolean expectedVersionGiven() {
        return expectedVersionGiven;
    }
}
