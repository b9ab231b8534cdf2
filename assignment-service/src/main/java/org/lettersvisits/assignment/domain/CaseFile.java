package org.lettersvisits.assignment.domain;

import java.time.LocalDate;
import java.util.UUID;

import org.lettersvisits.contracts.Department;
import org.lettersvisits.contracts.assignment.CaseStatus;
import org.lettersvisits.contracts.assignment.Difficulty;

/**
 * The state of a case as its events leave it. {@code overdueRecordedFor} is the deadline for which
 * CaseBecameOverdue was last recorded, so each passed deadline is recorded once; {@code acceptedOn} the day the
 * holding department last accepted it, from which the statutory handling period runs; {@code extensionDays} the one
 * extension of that period (0 for none); {@code answeredOn} the day of the written answer (the last closure), from
 * which the petitioner may ask for a review; {@code reviewDue} when the review asked for must be answered (null
 * while none was asked for; a case is reviewed once).
 */
public record CaseFile(UUID caseId, UUID petitionId, String caseNumber, String subject, Department department,
        String responsibleLeader, Difficulty difficulty, LocalDate assignedOn, LocalDate deadline, CaseStatus status,
        LocalDate overdueRecordedFor, LocalDate acceptedOn, int extensionDays, LocalDate answeredOn, LocalDate reviewDue) {

    public static final CaseFile NONE = new CaseFile(null, null, null, null, null, null, null, null, null, null, null, null, 0, null,
            null);

    public boolean exists() {
        return status != null;
    }

    /** Open (assigned or accepted) and past its deadline on {@code today}. */
    public boolean isOverdueOn(LocalDate today) {
        return exists() && status.isOpen() && deadline.isBefore(today);
    }

    CaseFile with(CaseStatus newStatus) {
        return new CaseFile(caseId, petitionId, caseNumber, subject, department, responsibleLeader, difficulty,
                assignedOn, deadline, newStatus, overdueRecordedFor, acceptedOn, extensionDays, answeredOn, reviewDue);
    }

    CaseFile withDepartment(Department newDepartment) {
        return new CaseFile(caseId, petitionId, caseNumber, subject, newDepartment, responsibleLeader, difficulty,
                assignedOn, deadline, status, overdueRecordedFor, acceptedOn, extensionDays, answeredOn, reviewDue);
    }

    CaseFile withDeadline(LocalDate newDeadline) {
        return new CaseFile(caseId, petitionId, caseNumber, subject, department, responsibleLeader, difficulty,
                assignedOn, newDeadline, status, overdueRecordedFor, acceptedOn, extensionDays, answeredOn, reviewDue);
    }

    CaseFile withOverdueRecordedFor(LocalDate passedDeadline) {
        return new CaseFile(caseId, petitionId, caseNumber, subject, department, responsibleLeader, difficulty,
                assignedOn, deadline, status, passedDeadline, acceptedOn, extensionDays, answeredOn, reviewDue);
    }

    CaseFile withAcceptedOn(LocalDate day) {
        return new CaseFile(caseId, petitionId, caseNumber, subject, department, responsibleLeader, difficulty,
                assignedOn, deadline, status, overdueRecordedFor, day, extensionDays, answeredOn, reviewDue);
    }

    CaseFile withExtension(int days) {
        return new CaseFile(caseId, petitionId, caseNumber, subject, department, responsibleLeader, difficulty,
                assignedOn, deadline, status, overdueRecordedFor, acceptedOn, days, answeredOn, reviewDue);
    }

    CaseFile withAnsweredOn(LocalDate day) {
        return new CaseFile(caseId, petitionId, caseNumber, subject, department, responsibleLeader, difficulty,
                assignedOn, deadline, status, overdueRecordedFor, acceptedOn, extensionDays, day, reviewDue);
    }

    /** Under review: answered by {@code due}, which is also the case's deadline now. */
    CaseFile withReview(LocalDate due) {
        return new CaseFile(caseId, petitionId, caseNumber, subject, department, responsibleLeader, difficulty,
                assignedOn, due, status, overdueRecordedFor, acceptedOn, extensionDays, answeredOn, due);
    }
}
