package org.lettersvisits.assignment.domain;

import java.time.LocalDate;
import java.util.UUID;

import org.lettersvisits.contracts.Department;
import org.lettersvisits.contracts.assignment.CaseRules;
import org.lettersvisits.contracts.assignment.CaseStatus;
import org.lettersvisits.contracts.assignment.Difficulty;

/**
 * The state of a case as its events leave it. {@code overdueRecordedFor} is the deadline for which
 * CaseBecameOverdue was last recorded, so each passed deadline is recorded once; {@code statutory} the days the
 * Regulations' limits run from; {@code version} the number of events so far (the event store's version of the
 * case) and {@code closedAt} the version its last CaseClosed left it at (0 before the first closure), which names
 * that closure: a return visit says which closure it was made for by this version. {@code personalDataErased}: the case recorded
 * that its petitioner was erased (CasePersonalDataErased) and shows no free text written by or about them from then
 * on; its {@code subject} is then null (as it also reads once the person's data key is gone, before that is recorded).
 */
public record CaseFile(UUID caseId, UUID petitionId, String caseNumber, String subject, Department department,
        String responsibleLeader, Difficulty difficulty, LocalDate assignedOn, LocalDate deadline, CaseStatus status,
        LocalDate overdueRecordedFor, StatutoryDays statutory, int version, int closedAt, boolean personalDataErased) {

    public static final CaseFile NONE = new CaseFile(null, null, null, null, null, null, null, null, null, null, null,
            StatutoryDays.NONE, 0, 0, false);

    /**
     * {@code acceptedOn} the day the holding department last accepted the case, from which the statutory handling
     * period runs; {@code extensionDays} the one extension of that period (0 for none); {@code answeredOn} the day of
     * the written answer (the last closure), from which the petitioner may ask for a review; {@code reviewDue} when
     * the review asked for must be answered (null while none was asked for; a case is reviewed once).
     */
    public record StatutoryDays(LocalDate acceptedOn, int extensionDays, LocalDate answeredOn, LocalDate reviewDue) {

        static final StatutoryDays NONE = new StatutoryDays(null, 0, null, null);

        StatutoryDays accepted(LocalDate day) {
            return new StatutoryDays(day, extensionDays, answeredOn, reviewDue);
        }

        StatutoryDays extended(int days) {
            return new StatutoryDays(acceptedOn, days, answeredOn, reviewDue);
        }

        StatutoryDays answered(LocalDate day) {
            return new StatutoryDays(acceptedOn, extensionDays, day, reviewDue);
        }

        StatutoryDays underReviewUntil(LocalDate due) {
            return new StatutoryDays(acceptedOn, extensionDays, answeredOn, due);
        }
    }

    public boolean exists() {
        return status != null;
    }

    CaseFile withoutPersonalText() {
        return new CaseFile(caseId, petitionId, caseNumber, null, department, responsibleLeader, difficulty,
                assignedOn, deadline, status, overdueRecordedFor, statutory, version, closedAt, true);
    }

    /**
     * Closed at least once, whatever happened since (reopened, reviewed, closed again): from its first answer the case
     * has a return visit, so the return-visit officers read its file from then on.
     */
    public boolean everClosed() {
        return closedAt > 0;
    }

    /** Closed, and by the closure that left the case at {@code closureVersion} (not reopened or closed again since). */
    public boolean isClosedBy(int closureVersion) {
        return status == CaseStatus.CLOSED && closedAt == closureVersion;
    }

    /** Open (assigned or accepted) and past its deadline on {@code today}. */
    public boolean isOverdueOn(LocalDate today) {
        return exists() && CaseRules.isOverdue(status, deadline, today);
    }

    CaseFile with(CaseStatus newStatus) {
        return new CaseFile(caseId, petitionId, caseNumber, subject, department, responsibleLeader, difficulty,
                assignedOn, deadline, newStatus, overdueRecordedFor, statutory, version, closedAt, personalDataErased);
    }

    CaseFile withDepartment(Department newDepartment) {
        return new CaseFile(caseId, petitionId, caseNumber, subject, newDepartment, responsibleLeader, difficulty,
                assignedOn, deadline, status, overdueRecordedFor, statutory, version, closedAt, personalDataErased);
    }

    CaseFile withDeadline(LocalDate newDeadline) {
        return new CaseFile(caseId, petitionId, caseNumber, subject, department, responsibleLeader, difficulty,
                assignedOn, newDeadline, status, overdueRecordedFor, statutory, version, closedAt, personalDataErased);
    }

    CaseFile withOverdueRecordedFor(LocalDate passedDeadline) {
        return new CaseFile(caseId, petitionId, caseNumber, subject, department, responsibleLeader, difficulty,
                assignedOn, deadline, status, passedDeadline, statutory, version, closedAt, personalDataErased);
    }

    CaseFile withStatutory(StatutoryDays days) {
        return new CaseFile(caseId, petitionId, caseNumber, subject, department, responsibleLeader, difficulty,
                assignedOn, deadline, status, overdueRecordedFor, days, version, closedAt, personalDataErased);
    }

    /** The case as one more event leaves it: its version counts that event. */
    CaseFile next() {
        return new CaseFile(caseId, petitionId, caseNumber, subject, department, responsibleLeader, difficulty,
                assignedOn, deadline, status, overdueRecordedFor, statutory, version + 1, closedAt, personalDataErased);
    }

    /** The case closed by the event that brought it to its current version. */
    CaseFile closedNow() {
        return new CaseFile(caseId, petitionId, caseNumber, subject, department, responsibleLeader, difficulty,
                assignedOn, deadline, status, overdueRecordedFor, statutory, version, version, personalDataErased);
    }
}
