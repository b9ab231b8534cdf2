package org.lettersvisits.petition.app;

import java.util.ArrayList;
import java.util.List;

import org.lettersvisits.documents.ReportDocument;
import org.lettersvisits.export.ExportLabels;

/**
 * The visitor's receipt as a document (an A5 slip), headed and worded as the receipt page is, from the same message
 * files: the case number, the day received, the petitioner, the ID number masked, the subject, the statutory day of
 * the written notice of acceptance, and how to ask about progress.
 */
final class ReceiptDocument {

    private ReceiptDocument() {
    }

    static ReportDocument of(Receipt receipt) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(ExportLabels.message("lookup.caseNumber"), receipt.caseNumber()));
        rows.add(List.of(ExportLabels.message("register.receivedOn"), receipt.receivedOn().toString()));
        if (receipt.petitionerName() != null) {
            rows.add(List.of(ExportLabels.message("register.name"), receipt.petitionerName()));
        }
        if (receipt.idNumber() != null) {
            rows.add(List.of(ExportLabels.message("register.idNumber"), receipt.idNumber()));
        }
        rows.add(List.of(ExportLabels.message("register.subject"), receipt.subject()));
        rows.add(List.of(ExportLabels.message("receipt.acceptanceNoticeDue"), receipt.acceptanceNoticeDue().date()
                + (receipt.acceptanceNoticeDue().provisional() ? ExportLabels.message("case.provisional") : "")));
        return new ReportDocument(ExportLabels.message("receipt.title"), receipt.caseNumber(), List.of(
                new ReportDocument.Table(List.of(ExportLabels.message("receipt.item"), ExportLabels.message("receipt.value")),
                        rows, false, new boolean[] { false, false }),
                new ReportDocument.Paragraph(receipt.enquiries()),
                new ReportDocument.Paragraph(ExportLabels.message("receipt.footer"))), ReportDocument.Page.A5);
    }
}
