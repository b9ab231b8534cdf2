package org.lettersvisits.assignment.app;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.lettersvisits.assignment.domain.CaseFile;
import org.lettersvisits.contracts.Department;
import org.lettersvisits.contracts.EventCodec;
import org.lettersvisits.contracts.assignment.CaseEvent;
import org.lettersvisits.contracts.assignment.CaseStatus;
import org.lettersvisits.contracts.assignment.Difficulty;
import org.lettersvisits.contracts.registry.PersonalTexts;
import org.lettersvisits.eventstore.Aggregate;
import org.lettersvisits.time.StatutoryDeadline;
import org.lettersvisits.time.StatutoryLimits;

/**
 * {@code GET /api/cases/{id}} and the answer to every transition: the case with its history. {@code deadline} is the
 * leadership's (assigned, changed with a reason); {@code statutoryHandlingDue} the Regulations' 60 days from the day
 * the holding department accepted it, plus its one extension ({@code handlingExtendedBy} days), null until then.
 * After the written answer (the closure, {@code answeredOn}): {@code reviewRequestDue}, the last day the petitioner may
 * ask for a review; once asked, {@code reviewDue}, when the review must be answered (null otherwise).
 */
public record CaseDetails(UUID id, UUID petitionId, String caseNumber, String subject, Department department,
        String responsibleLeader, Difficulty difficulty, LocalDate assignedOn, LocalDate deadline, CaseStatus status,
        boolean overdue, LocalDate acceptedOn, int handlingExtendedBy, StatutoryDeadline statutoryHandlingDue,
        LocalDate answeredOn, StatutoryDeadline reviewRequestDue, LocalDate reviewDue, List<HistoryEntry> history,
        int version) {

    /** One event of the case: what happened, when, who did it, and its content. */
    public record HistoryEntry(String type, OffsetDateTime at, String actor, CaseEvent details) {
    }

    public static CaseDetails of(Aggregate<CaseEvent, CaseFile> aggregate, LocalDate today, StatutoryLimits limits) {
        CaseFile c = aggregate.state();
        CaseFile.StatutoryDays days = c.statutory();
        return new CaseDetails(c.caseId(), c.petitionId(), c.caseNumber(), c.subject(), c.department(),
                c.responsibleLeader(), c.difficulty(), c.assignedOn(), c.deadline(), c.status(), c.isOverdueOn(today),
                days.acceptedOn(), days.extensionDays(),
                limits.handlingDue(c.assignedOn(), days.acceptedOn(), days.extensionDays()),
                days.answeredOn(), days.answeredOn() == null ? null : limits.reviewRequestDue(days.answeredOn()),
                days.reviewDue(),
                aggregate.history().stream().map(e -> new HistoryEntry(EventCodec.typeOf(e.event().getClass()),
                        e.recordedAt(), e.metadata().actor(),
                        c.personalDataErased() ? PersonalTexts.redacted(e.event()) : e.event())).toList(),
                aggregate.version());
    }
}
