package org.lettersvisits.reporting.rebuild;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.jboss.logging.Logger;
import org.lettersvisits.reporting.projection.LoggedEvents.Unreadable;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The records of {@code report_event} one rebuild could not read: each is logged as it is met, the first
 * {@value #LISTED} are kept for the status, all are counted. A rebuild that met any does not swap (its read models
 * would miss those events), so it goes on replaying only to name them all at once. A rebuild's batches run one after
 * another, so one instance needs no locking.
 */
final class UnreadableEvents implements Consumer<Unreadable> {

    private static final Logger LOG = Logger.getLogger(UnreadableEvents.class);

    static final int LISTED = 100;

    private final List<Unreadable> listed = new ArrayList<>();
    private int count;

    /** Why a rebuild stopped before its swap. */
    static final class NotSwapped extends RuntimeException {
        NotSwapped(String message) {
            super(message, null, false, false);
        }
    }

    @Override
    public void accept(Unreadable unreadable) {
        LOG.errorf("the rebuild cannot read report_event %d (%s, event %s): %s", unreadable.seq(), unreadable.type(),
                unreadable.eventId(), unreadable.error());
        count++;
        if (listed.size() < LISTED) {
            listed.add(unreadable);
        }
    }

    int count() {
        return count;
    }

    /** Fails if any record could not be read: the reason a rebuild gives for not swapping. */
    void failIfAny() {
        if (count > 0) {
            throw new NotSwapped(count + (count == 1 ? " event" : " events") + " of report_event could not be read (see "
                    + "unreadable): the rebuilt read models were not swapped in, the live ones stay; make the records "
                    + "readable (a fix of the codec or an upcaster) or remove them, then rebuild again");
        }
    }

    JsonArray asJson() {
        JsonArray all = new JsonArray();
        listed.forEach(u -> all.add(new JsonObject().put("seq", u.seq()).put("type", u.type())
                .put("eventId", u.eventId() == null ? null : u.eventId().toString()).put("error", u.error())));
        return all;
    }
}
