package org.lettersvisits.privacy;

import java.util.UUID;

/**
 * The data key of a petition is not known here yet: petition-service shares it alongside the petition's first event,
 * so it is on its way (or the broker is away). Transient: a consumer retries in place, a command answers 503.
 */
public class NoDataKey extends RuntimeException {

    public NoDataKey(UUID petitionId) {
        super("the data key of petition " + petitionId + " is not known here yet", null, false, false);
    }
}
