package org.lettersvisits.petition.search;

import java.time.LocalDate;
import java.util.UUID;

/** One line of the petition list reception searches: the ID number masked ({@code 130100********6955}). */
public record PetitionSummary(UUID id, String caseNumber, String channel, LocalDate receivedOn, boolean jointVisitDay,
        String petitionerName, String idNumber, String subject, boolean involvesLawAndLitigation, String status,
        String department) {
}
