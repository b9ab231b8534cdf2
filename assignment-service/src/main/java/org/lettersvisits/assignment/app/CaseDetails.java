package org.lettersvisits.assignment.app;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.lettersvisits.assignment.domain.CaseFile;
import org.lettersvisits.contracts.Department;
import org.lettersvisits.contracts.assignment.CaseEvent;
import org.lettersvisits.contracts.assignment.CaseStatus;
import org.lettersvisits.contracts.assignment.Difficulty;
import org.lettersvisits.eventstore.Aggregate;

/** {@code GET /api/cases/{id}} and the answer to every transition: the case with its history. */
public record CaseDetails(UUID id, UUID petitionId, String caseNumber, String subject, Department department,
        String responsibleLeader, Difficulty difficulty, LocalDate assignedOn, LocalDate deadline, CaseStatus status,
        boolean overdue, List<HistoryEntry> history, int version) {

    /** One event of the case: what happened, when, who did it, and its content. */
    public record HistoryEntry(String type, OffsetDateTime at, String actor, CaseEvent details) {
    }

    public static CaseDetails of(Aggregate<CaseEvent, CaseFile> aggregate, LocalDate today) {
        CaseFile c = aggregate.state();
        return new CaseDetails(c.caseId(), c.petitionId(), c.caseNumber(), c.subject(), c.department(),
                c.responsibleLeader(), c.difficulty(), c.assignedOn(), c.deadline(), c.status(), c.isOverdueOn(today),
                aggregate.history().stream().map(e -> new HistoryEntry(e.event().getClass().getSimpleName(),
                        e.recordedAt(), e.metadata().actor(), e.event())).toList(),
                aggregate.version());
    }
}
