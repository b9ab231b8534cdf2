package org.lettersvisits.petition.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.lettersvisits.web.SearchText;

/**
 * What a petition search asks for: a text (a case number exactly, also without {@code XF-}; or any part of the
 * petitioner's name or the subject, ranked), a resident ID number (exactly), a status, a town, the department
 * holding the case and a range of dates received; {@code noticeLateIfReceivedBy}, the petitions whose written notice of
 * acceptance is late: none recorded and received on or before that day (its 15 days past). Every part is optional;
 * blank parts are absent.
 */
public record PetitionFilter(String text, String idNumber, String status, String town, String department,
        LocalDate receivedFrom, LocalDate receivedTo, LocalDate noticeLateIfReceivedBy) {

    public PetitionFilter {
        text = blankToNull(text);
        idNumber = blankToNull(idNumber);
        town = blankToNull(town);
        department = blankToNull(department);
    }

    public static PetitionFilter text(String text) {
        return new PetitionFilter(text, null, null, null, null, null, null, null);
    }

    /** A case number as staff type it: {@code XF-2026-00042}, {@code 2026-00042}, in any case. */
    private static final Pattern CASE_NUMBER = Pattern.compile("(?i)(XF-)?\\d{4}-\\d{1,5}");

    /**
     * The fields this search is by, as the access log records them: their names, never their values. The text counts
     * as {@code caseNumber} when it is written as a case number, else as {@code nameOrSubject}.
     */
    public List<String> searchedBy() {
        List<String> fields = new ArrayList<>();
        if (text != null) {
            fields.add(CASE_NUMBER.matcher(text).matches() ? "caseNumber" : "nameOrSubject");
        }
        add(fields, "idNumber", idNumber);
        add(fields, "status", status);
        add(fields, "town", town);
        add(fields, "department", department);
        add(fields, "receivedFrom", receivedFrom);
        add(fields, "receivedTo", receivedTo);
        add(fields, "noticeLate", noticeLateIfReceivedBy);
        return fields;
    }

    private static void add(List<String> fields, String name, Object value) {
        if (value != null) {
            fields.add(name);
        }
    }

    /** A ranked search: results are ordered by how well they match, not by date. */
    public boolean ranked() {
        return text != null;
    }

    /** The case number the text names, exactly: {@code XF-2026-00042}, also typed as {@code 2026-00042} or in lower case. */
    String caseNumber() {
        return SearchText.caseNumber(text);
    }

    /** The text as a LIKE pattern matching it anywhere. */
    String pattern() {
        return SearchText.containing(text);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
