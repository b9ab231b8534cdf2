package org.lettersvisits.observability;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * A failure as a log line may name it: its message, unless a JSON failure is among its causes. Jackson's messages
 * quote what it could not read ({@code Unrecognized token '张三'}, {@code from String "1371234..."}), and a message
 * wrapping one usually repeats it, so then only the kinds of failure and where in the text it was are given. Event
 * payloads and request bodies hold petitioners' names, ID numbers and phones; no log line carries them.
 */
public final class FailureText {

    private FailureText() {
    }

    /** {@code failure}'s message, or what it was without a word of the payload when JSON failed to read or write. */
    public static String of(Throwable failure) {
        if (failure == null) {
            return "null";
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return withoutPayload(failure, json);
            }
        }
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }

    /** The failure's class, then {@link #of}: for a failure whose message may not say what it is. */
    public static String withClass(Throwable failure) {
        if (failure == null) {
            return "null";
        }
        String text = of(failure);
        String name = failure.getClass().getSimpleName();
        return text.startsWith(name) ? text : name + ": " + text;
    }

    private static String withoutPayload(Throwable failure, JsonProcessingException json) {
        StringBuilder text = new StringBuilder();
        if (failure != json) {
            text.append(failure.getClass().getSimpleName()).append(" from ");
        }
        text.append(json.getClass().getSimpleName());
        JsonLocation location = json.getLocation();
        if (location != null && location.getLineNr() > 0) {
            text.append(" at line ").append(location.getLineNr()).append(", column ").append(location.getColumnNr());
        }
        return text.append(" (its message is left out: it may quote the payload)").toString();
    }
}
