package org.lettersvisits.eventstore;

/**
 * A decider refused a command. {@link Reason#NOT_FOUND} becomes HTTP 404,
 * {@link Reason#FORBIDDEN_TRANSITION} 409, {@link Reason#UNPROCESSABLE} 422.
 */
public class CommandRejected extends RuntimeException {

    public enum Reason {
        NOT_FOUND, FORBIDDEN_TRANSITION, UNPROCESSABLE
    }

    private final Reason reason;

    public CommandRejected(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
