package org.lettersvisits.petition.search;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One line of the petition list reception searches: the ID number masked ({@code 130100********6955});
 * no name, ID number or town once the petitioner was erased. {@code matchedOn} says why a search text found it:
 * {@code CASE_NUMBER}, {@code NAME} / {@code SUBJECT} (containing the text), {@code NAME_SIMILAR} /
 * {@code SUBJECT_SIMILAR} (only like it); empty without a text.
 */
public record PetitionSummary(UUID id, String caseNumber, String channel, LocalDate receivedOn, boolean jointVisitDay,
        String petitionerName, String idNumber, boolean petitionerErased, String subject,
        boolean involvesLawAndLitigation, String status, String department, String town, List<String> matchedOn) {
}
