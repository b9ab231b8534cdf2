package org.lettersvisits.eventstore;

/**
 * One chunk of a {@link Republication}: how many stored events it read and queued, and the cursor after it (the
 * last event of a transaction older than every one still running: a later chunk never passes over another).
 */
record HistoryChunk(int read, int queued, Cursor next) {

    /** A place in the relay's order: (transaction id, position). */
    record Cursor(String transactionId, long position) {
    }
}
