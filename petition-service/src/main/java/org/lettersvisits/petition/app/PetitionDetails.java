package org.lettersvisits.petition.app;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.lettersvisits.petition.domain.Petitioner;
import org.lettersvisits.petition.domain.Petition;
import org.lettersvisits.petition.search.PetitionQueries.TimelineEntry;

/**
 * {@code GET /api/petitions/{id}}: the petition, every visit about it, and its timeline. Once the
 * petitioner was erased, {@code petitioner} is null and {@code petitionerErased} true. {@code statutoryDeadlines}: the
 * limits of the Regulations on Letters and Visits Work that run for it.
 */
public record PetitionDetails(UUID id, String caseNumber, String channel, LocalDate receivedOn, String receivedBy,
        boolean jointVisitDay, Petitioner petitioner, boolean petitionerErased, int headcount, String subject, String description,
        boolean involvesLawAndLitigation, String escalatedTo, String status, String department,
        List<Petition.Visit> visits, List<TimelineEntry> timeline, PetitionDeadlines statutoryDeadlines, int version) {
}
