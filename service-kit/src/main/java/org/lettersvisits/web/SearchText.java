package org.lettersvisits.web;

import java.util.Locale;

/**
 * What a search box's text means to the lists: a case number exactly ({@code XF-2026-00042}, also typed without the
 * prefix or in lower case), and words to find anywhere in a field (a LIKE pattern with the text's own {@code %},
 * {@code _} and {@code \} taken literally; escape character {@code \}).
 */
public final class SearchText {

    private SearchText() {
    }

    /** The case number the text names: upper case, with the {@code XF-} prefix. */
    public static String caseNumber(String text) {
        String number = text.trim().toUpperCase(Locale.ROOT);
        return number.startsWith("XF-") ? number : "XF-" + number;
    }

    /** A LIKE pattern matching the trimmed text anywhere; use with {@code ESCAPE '\'}. */
    public static String containing(String text) {
        return "%" + text.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
