package org.lettersvisits.problem;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Reads optional query parameters so that a bad value is a 400 naming the parameter
 * (JAX-RS would answer 404 for a value it cannot convert).
 */
public final class QueryParams {

    private QueryParams() {
    }

    /** A {@code YYYY-MM-DD} date, or null when absent. */
    public static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidField(name, "must be a date YYYY-MM-DD");
        }
    }

    /** An id (UUID), or null when absent; {@code what} names it in the message, e.g. "a case id". */
    public static UUID id(String name, String value, String what) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidField(name, "must be " + what + " (UUID)");
        }
    }

    /** A whole number within bounds, or the fallback when absent. */
    public static int integer(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < min || parsed > max) {
                throw new InvalidField(name, "must be between " + min + " and " + max);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new InvalidField(name, "must be a whole number");
        }
    }

    /** One of an enum's constants, or null when absent. */
    public static <T extends Enum<T>> T oneOf(String name, String value, Class<T> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidField(name, "must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).collect(Collectors.joining(", ")));
        }
    }
}
