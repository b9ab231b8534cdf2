package org.lettersvisits.petition.app;

import java.time.LocalDate;

import org.lettersvisits.time.StatutoryDeadline;

/**
 * {@code GET /api/petitions/{id}/receipt}: what the visitor takes home after registration: the case number, the day
 * received, the subject, the statutory day by which they will be told in writing whether the matter is accepted, and
 * how to ask about progress. The ID number is masked ({@code 130100********6955}); nothing of an erased petitioner.
 */
public record Receipt(String caseNumber, LocalDate receivedOn, String petitionerName, String idNumber, String subject,
        StatutoryDeadline acceptanceNoticeDue, String enquiries) {
}
