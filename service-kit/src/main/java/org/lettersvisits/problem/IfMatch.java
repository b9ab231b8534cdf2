package org.lettersvisits.problem;

/** Reads an {@code If-Match} header carrying an aggregate version ({@code "3"}, {@code W/"3"} or {@code 3}). */
public final class IfMatch {

    private IfMatch() {
    }

    /** The version the caller expects, or null when the header is absent or {@code *}. */
    public static Integer version(String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return null;
        }
        String value = header.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new InvalidField("If-Match", "must be the version from the ETag, e.g. \"3\"");
        }
    }
}
