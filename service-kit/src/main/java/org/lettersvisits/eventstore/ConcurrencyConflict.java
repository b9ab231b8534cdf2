package org.lettersvisits.eventstore;

import java.util.UUID;

/**
 * The aggregate changed since the caller read it: either the caller's {@code If-Match} version is
 * stale, or another writer appended the same version first. HTTP 412 when the caller sent a
 * version; without one, the command is run again ({@link CommandRetries}) and a 409 is answered only
 * when it kept losing ({@link #BUSY}).
 */
public class ConcurrencyConflict extends RuntimeException {

    /** What a person is told when their command kept losing to other writers. */
    public static final String BUSY = "it was being changed by others at the same moment, again and again; nothing was"
            + " recorded: please try again";

    private final UUID aggregateId;
    private final boolean expectedVersionGiven;

    public ConcurrencyConflict(UUID aggregateId, String detail, boolean expectedVersionGiven) {
        super("aggregate " + aggregateId + " changed concurrently: " + detail);
        this.aggregateId = aggregateId;
        this.expectedVersionGiven = expectedVersionGiven;
    }

    public UUID aggregateId() {
        return aggregateId;
    }

    public boolean expectedVersionGiven() {
        return expectedVersionGiven;
    }

    /** The answer's detail, in words a person understands. */
    public String detailForPeople() {
        return expectedVersionGiven
                ? "it was changed since you loaded it (" + getMessage().substring(getMessage().indexOf(": ") + 2)
                        + "): load it again and redo your change if it still applies"
                : getMessage().endsWith(BUSY) ? BUSY : "it was changed by someone else at the same moment: please try again";
    }
}
