package org.lettersvisits.reporting.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.lettersvisits.contracts.EventCodec;

/** Turns a record of {@code report_event} back into its event, with today's codec (upcasting what is old). */
@ApplicationScoped
public class LoggedEvents {

    private static final Logger LOG = Logger.getLogger(LoggedEvents.class);

    @Inject
    EventCodec codec;

    /**
     * The record's event, or null for a type this version does not know (it stays in the log for a later
     * version) or a body that does not fit a type learnt since it was kept (logged, never counted).
     */
    public Object decodeOrSkip(long seq, String type, String body) {
        if (!codec.knows(type)) {
            return null;
        }
        try {
            return codec.decode(type, body);
        } catch (IllegalArgumentException e) {
            LOG.warnf("report_event %d (%s) does not decode and is not counted: %s", seq, type, e.getMessage());
            return null;
        }
    }
}
