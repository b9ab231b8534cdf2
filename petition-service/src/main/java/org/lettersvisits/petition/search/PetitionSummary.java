package org.lettersvisits.petition.search;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One line of the petition list reception searches: the ID number masked ({@code 130100********6955});
 * no name or ID number once the petitioner was erased.
 */
public record PetitionSummary(UUID id, String caseNumber, String channel, LocalDate receivedOn, boolean jointVisitDay,
        String petitionerName, String idNumber, boolean petitionerErased, String subject,
        boolean involvesLawAndLitigation, String status, String department) {
}
