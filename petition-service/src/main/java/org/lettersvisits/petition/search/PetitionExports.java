package org.lettersvisits.petition.search;

import java.util.List;

import org.lettersvisits.export.Column;
import org.lettersvisits.export.ExportLabels;

/**
 * The columns of an exported petition list, headed as the reception desk heads them. Personal data as the list
 * shows it: the ID number masked, nothing of an erased petitioner.
 */
public final class PetitionExports {

    private PetitionExports() {
    }

    public static List<Column<PetitionSummary>> columns() {
        return List.of(
                Column.of(ExportLabels.message("lookup.caseNumber"), p -> p.caseNumber()),
                Column.of(ExportLabels.message("register.channel"), p -> ExportLabels.of("channel", p.channel())),
                Column.of(ExportLabels.message("register.receivedOn"), p -> p.receivedOn()),
                Column.of(ExportLabels.message("register.name"),
                        p -> p.petitionerErased() ? ExportLabels.message("petitioner.erased") : p.petitionerName()),
                Column.of(ExportLabels.message("register.idNumber"), p -> p.idNumber()),
                Column.of(ExportLabels.message("register.town"), p -> p.town()),
                Column.of(ExportLabels.message("register.subject"), p -> p.subject()),
                Column.of(ExportLabels.message("register.law"),
                        p -> ExportLabels.message(p.involvesLawAndLitigation() ? "yes" : "no")),
                Column.of(ExportLabels.message("case.status"), p -> ExportLabels.of("status", p.status())),
                Column.of(ExportLabels.message("case.department"), p -> ExportLabels.of("department", p.department())));
    }
}
