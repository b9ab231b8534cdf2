package org.lettersvisits.assignment.queue;

import java.time.LocalDate;
import java.util.List;

import org.lettersvisits.export.Column;
import org.lettersvisits.export.ExportLabels;
import org.lettersvisits.time.StatutoryLimits;

/** The columns of an exported list of cases (a queue, the overdue list), headed as the pages head them (their Chinese messages). */
public final class CaseExports {

    private CaseExports() {
    }

    /** Days overdue are counted on {@code today}; the statutory handling deadline as {@link StatutoryLimits#handlingDue} says. */
    public static List<Column<CaseView>> columns(LocalDate today, StatutoryLimits limits) {
        return List.of(
                Column.of(ExportLabels.message("case.caseNumber"), c -> c.caseNumber),
                Column.of(ExportLabels.message("case.subject"), c -> c.subject),
                Column.of(ExportLabels.message("case.department"), c -> ExportLabels.of("department", c.department)),
                Column.of(ExportLabels.message("case.responsibleLeader"), c -> c.responsibleLeader),
                Column.of(ExportLabels.message("assign.assignedOn"), c -> c.assignedOn),
                Column.of(ExportLabels.message("case.deadline"), c -> c.deadline),
                Column.of(ExportLabels.message("case.statutoryHandlingDue"),
                        c -> c.statutoryHandlingDue(limits).date()),
                Column.of(ExportLabels.message("case.status"), c -> ExportLabels.of("status", c.status)),
                Column.of(ExportLabels.message("export.daysOverdue"), c -> c.daysOverdueOn(today)));
    }
}
