package org.lettersvisits.reporting.annual;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.lettersvisits.contracts.Department;
import org.lettersvisits.contracts.assignment.CaseRules;
import org.lettersvisits.contracts.assignment.CaseStatus;
import org.lettersvisits.reporting.summary.Summary;

/**
 * What the year-end report is written from: the year's table as the dashboard shows it (counted as of {@code asOf}) and
 * the cases of the year still open, each with its responsible leader.
 */
public record AnnualReport(int year, LocalDate asOf, Summary summary, List<OpenCase> openCases) {

    /** A case first assigned in the year and not yet closed or suspended. */
    public record OpenCase(UUID caseId, String caseNumber, Department department, String responsibleLeader,
            LocalDate assignedOn, LocalDate deadline, CaseStatus status) {

        boolean overdueOn(LocalDate day) {
            return CaseRules.isOverdue(status, deadline, day);
        }
    }
}
