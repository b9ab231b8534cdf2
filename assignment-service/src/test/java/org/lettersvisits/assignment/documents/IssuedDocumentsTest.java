package org.lettersvisits.assignment.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lettersvisits.contracts.Department;
import org.lettersvisits.contracts.assignment.CaseAccepted;
import org.lettersvisits.contracts.assignment.CaseAssigned;
import org.lettersvisits.contracts.assignment.CaseClosed;
import org.lettersvisits.contracts.assignment.CaseEvent;
import org.lettersvisits.contracts.assignment.CaseReviewRequested;
import org.lettersvisits.contracts.assignment.CaseTransferred;
import org.lettersvisits.contracts.assignment.DeadlineChanged;
import org.lettersvisits.contracts.assignment.Difficulty;
import org.lettersvisits.contracts.assignment.HandlingExtended;
import org.lettersvisits.documents.CaseNotices;
import org.lettersvisits.documents.ReportDocument;
import org.lettersvisits.eventstore.EventMetadata;
import org.lettersvisits.eventstore.StoredEvent;
import org.lettersvisits.time.StatutoryLimits;

/**
 * Which documents a history issues, named and dated by their events, and what each says of the case as its event
 * left it: the same history, the same documents. Plain JUnit.
 */
class IssuedDocumentsTest {

    private static final UUID CASE = UUID.randomUUID();
    private static final CaseNotices NOTICES = new CaseNotices("中共××市委政法委员会", "（盖章）",
            StatutoryLimits.ofTheRegulations());

    private static List<StoredEvent<CaseEvent>> history(CaseEvent... events) {
        List<StoredEvent<CaseEvent>> history = new ArrayList<>();
        for (CaseEvent event : events) {
            history.add(new StoredEvent<>(UUID.randomUUID(), CASE, history.size() + 1, "case", event,
                    EventMetadata.ofRequest("someone"), OffsetDateTime.of(2026, 12, 1, 9, 0, 0, 0, ZoneOffset.UTC)));
        }
        return history;
    }

    private static final CaseAssigned ASSIGNED = new CaseAssigned(CASE, CASE, "XF-2026-00042", "工资拖欠", Department.COURT,
            "张副院长", Difficulty.ROUTINE, LocalDate.of(2026, 10, 14), LocalDate.of(2026, 11, 13));

    @Test
    void each_event_that_issues_a_notice_issues_one_named_by_its_version_and_dated_by_its_day() {
        List<IssuedDocuments.Issued> issued = IssuedDocuments.of(history(ASSIGNED,
                new CaseAccepted(CASE, Department.COURT, LocalDate.of(2026, 10, 15)),
                new DeadlineChanged(CASE, LocalDate.of(2026, 11, 13), LocalDate.of(2026, 12, 15), "expert opinion"),
                new HandlingExtended(CASE, 30, "需调取原审卷宗", LocalDate.of(2026, 11, 20)),
                new CaseClosed(CASE, "XF-2026-00042", Department.COURT, "已执行到位", LocalDate.of(2026, 11, 25)),
                new CaseReviewRequested(CASE, Department.COURT, "不服", LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 30)),
                new CaseClosed(CASE, "XF-2026-00042", Department.COURT, "维持原处理意见", LocalDate.of(2026, 12, 10))));

        assertThat(issued).extracting(IssuedDocuments.Issued::id).containsExactly("assignment-sheet-1",
                "acceptance-notice-2", "extension-notice-4", "written-answer-5", "written-answer-7");
        assertThat(issued).extracting(IssuedDocuments.Issued::issuedOn).containsExactly(LocalDate.of(2026, 10, 14),
                LocalDate.of(2026, 10, 15), LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 25), LocalDate.of(2026, 12, 10));

        assertThat(text(issued.get(0), null)).contains("法院：", "办理期限：2026年11月13日前");
        assertThat(text(issued.get(1), "王小明")).contains("王小明：", "即于2026年12月14日前");
        assertThat(text(issued.get(2), "王小明")).contains("办理期限延长30日", "需调取原审卷宗");
        assertThat(text(issued.get(3), "王小明")).contains("已执行到位", "请求复查").doesNotContain("请求复核");
        assertThat(text(issued.get(4), "王小明")).contains("维持原处理意见", "请求复核");
        assertThat(IssuedDocuments.find(history(ASSIGNED), "assignment-sheet-1")).isPresent();
        assertThat(IssuedDocuments.find(history(ASSIGNED), "written-answer-1")).isEmpty();
    }

    @Test
    void a_transfer_issues_the_new_department_a_sheet_with_the_case_as_it_then_stood() {
        List<IssuedDocuments.Issued> issued = IssuedDocuments.of(history(ASSIGNED,
                new DeadlineChanged(CASE, LocalDate.of(2026, 11, 13), LocalDate.of(2026, 12, 15), "expert opinion"),
                new CaseTransferred(CASE, Department.COURT, Department.JUSTICE_BUREAU, "legal aid", LocalDate.of(2026, 10, 20))));

        assertThat(issued).extracting(IssuedDocuments.Issued::id).containsExactly("assignment-sheet-1", "assignment-sheet-3");
        assertThat(text(issued.get(1), null)).contains("司法局：", "原承办单位：法院", "办理期限：2026年12月15日前",
                "转办日期：2026年10月20日", "张副院长");
    }

    /** The document's text as one string: each block, a table's cells as "item：value". */
    private static String text(IssuedDocuments.Issued issued, String name) {
        ReportDocument document = issued.document(NOTICES, name);
        StringBuilder text = new StringBuilder(document.title()).append('\n');
        for (ReportDocument.Block block : document.blocks()) {
            if (block instanceof ReportDocument.Table table) {
                table.rows().forEach(row -> text.append(row.get(0)).append('：').append(row.get(1)).append('\n'));
            } else if (block instanceof ReportDocument.Paragraph p) {
                text.append(p.text()).append('\n');
            } else if (block instanceof ReportDocument.Line l) {
                text.append(l.text()).append('\n');
            }
        }
        return text.toString();
    }
}
