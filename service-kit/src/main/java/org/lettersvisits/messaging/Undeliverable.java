package org.lettersvisits.messaging;

/**
 * A record that can never be applied as it is. It goes to the consuming service's dead-letter topic
 * with its {@link Reason} in the {@code dead-letter-kind} header and this message (which
 * starts with the reason) in {@code dead-letter-reason}; an administrator can redrive it after a fix.
 */
public class Undeliverable extends RuntimeException {

    /** Why a record was dead-lettered. */
    public enum Reason {
        /** Not a CloudEvent of ours: no id or type, or a payload that does not decode as its type. */
        UNREADABLE,
        /** Decodes, but breaks a rule of the envelope (say, an aggregate id that does not match the event). */
        INVALID,
        /** Sent by a service that does not own the topic. */
        FORGED_SOURCE,
        /** An event type owned by another service than the topic's: a forgery by whoever could write the topic. */
        FOREIGN_TYPE,
        /** The domain refused the command the event asked for. */
        REJECTED,
        /** Failed in a way nobody classified, and kept failing after a few retries. */
        FAILED
    }

    private final Reason reason;

    public Undeliverable(Reason reason, String message) {
        super(reason + ": " + message);
        this.reason = reason;
    }

    public Undeliverable(Reason reason, String message, Throwable cause) {
        super(reason + ": " + message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
