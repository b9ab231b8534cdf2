package org.lettersvisits.petition.search;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;

import org.lettersvisits.problem.InvalidField;

/**
 * Where the next page of the unranked petition list starts (keyset paging): the last item's date received and
 * case number, the list's order. Deep pages cost what the first does, and rows registered meanwhile do not shift
 * them. Travels as an opaque URL-safe string.
 */
public record PetitionCursor(LocalDate receivedOn, String caseNumber) {

    public static PetitionCursor after(PetitionSummary last) {
        return new PetitionCursor(last.receivedOn(), last.caseNumber());
    }

    public String encoded() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((receivedOn + "|" + caseNumber).getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor an {@code after} parameter names, null for none; 400 for one this service did not hand out. */
    public static PetitionCursor of(String after) {
        if (after == null || after.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(after.trim()), StandardCharsets.UTF_8).split("\\|", 2);
            if (parts.length != 2 || parts[1].isBlank()) {
                throw new IllegalArgumentException("two parts expected");
            }
            return new PetitionCursor(LocalDate.parse(parts[0]), parts[1]);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new InvalidField("after", "is not a cursor this list handed out (use the next value of a page)");
        }
    }
}
