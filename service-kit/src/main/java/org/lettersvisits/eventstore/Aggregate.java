package org.lettersvisits.eventstore;

import java.util.List;
import java.util.UUID;

/**
 * An aggregate loaded by folding its events: its state, its version (the number of events, 0 when
 * it does not exist yet) and its history.
 */
public record Aggregate<E, S>(UUID id, S state, int version, List<StoredEvent<E>> history) {

    public boolean exists() {
        return version > 0;
    }
}
