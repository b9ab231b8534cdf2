package org.lettersvisits.reporting.annual;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.lettersvisits.contracts.Department;
import org.lettersvisits.documents.ReportDocument;
import org.lettersvisits.export.ExportLabels;
import org.lettersvisits.documents.ReportDocument.Block;
import org.lettersvisits.documents.ReportDocument.Heading;
import org.lettersvisits.documents.ReportDocument.Paragraph;
import org.lettersvisits.documents.ReportDocument.Table;
import org.lettersvisits.reporting.summary.Summary;
import org.lettersvisits.time.BusinessDates;

/**
 * The petitions section of the committee's year-end work summary, written from the year's figures in the style such a
 * summary uses: a paragraph of figures with each department's share, the department table, the return visits, and the
 * cases still open with their responsible leaders. Every number in the text comes from the {@link AnnualReport}.
 */
public final class AnnualReportText {

    private static final String[] DEPARTMENT_HEADER = { "单位", "受理", "办结", "中止", "未结", "逾期", "超法定期限",
        "法定期限内办结率" };
    private static final String[] OPEN_CASES_HEADER = { "序号", "信访编号", "单位", "责任领导", "交办日期", "办理期限", "状态" };

    private AnnualReportText() {
    }

    /** The document for {@code report}. */
    public static ReportDocument of(AnnualReport report) {
        Summary s = report.summary();
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Heading("一、总体情况"));
        blocks.add(new Paragraph(figures(report.year(), s)));
        blocks.add(new Paragraph(petitions(s.petitions())));
        blocks.add(new Heading("二、各单位办理情况"));
        blocks.add(departmentTable(s));
        blocks.add(new Paragraph(statutoryLimits(s.total())));
        blocks.add(new Heading("三、回访情况"));
        blocks.add(new Paragraph(returnVisits(s.returnVisits())));
        blocks.add(new Heading("四、尚未办结案件"));
        blocks.add(new Paragraph(stillOpen(report)));
        if (!report.openCases().isEmpty()) {
            blocks.add(openCasesTable(report));
        }
        return new ReportDocument(report.year() + "年度涉法涉诉信访工作情况",
                "统计截至" + BusinessDates.chinese(report.asOf()) + "，根据信访平台办理记录生成", blocks);
    }

    /** The paragraph of figures: the year's totals, then department by department. */
    static String figures(int year, Summary s) {
        Summary.Counts t = s.total();
        if (t.received() == 0) {
            return year + "年，全市政法各部门未受理涉法涉诉信访案件。";
        }
        StringBuilder text = new StringBuilder().append(year).append("年，全市政法各部门共受理涉法涉诉信访案件")
                .append(t.received()).append("件，已办结").append(t.closed()).append("件，中止")
                .append(t.suspended()).append("件，尚未办结").append(t.open()).append("件。其中，");
        List<String> parts = new ArrayList<>();
        for (Summary.DepartmentLine line : s.departments()) {
            String name = department(line.department());
            parts.add(line.received() == 0 ? name + "未受理涉法涉诉信访案件"
                    : name + "受理" + line.received() + "件，办结" + line.closed() + "件，中止" + line.suspended() + "件");
        }
        return text.append(String.join("；", parts)).append("。").toString();
    }

    /** Where the petitions came from, and whether any went to the province or the capital. */
    static String petitions(Summary.Petitions p) {
        String escalations = p.escalatedToProvince() == 0 && p.escalatedToCapital() == 0 ? "全年未发生到省、进京上访。"
                : "全年到省上访" + p.escalatedToProvince() + "件，进京上访" + p.escalatedToCapital() + "件。";
        return "全年登记来信来访" + p.registered() + "件，其中联合接访日接待" + p.jointVisitDay() + "件，涉法涉诉"
                + p.lawAndLitigation() + "件。" + escalations;
    }

    /** How the year's cases kept the statutory limits of the Regulations on Letters and Visits Work. */
    static String statutoryLimits(Summary.Counts t) {
        String open = "尚未办结的案件中已超过法定期限" + t.statutoryOverdue() + "件。";
        if (t.closed() == 0) {
            return "按照《信访工作条例》规定的办理期限，全年尚无办结案件；" + open;
        }
        return "按照《信访工作条例》规定的办理期限，全年办结的" + t.closed() + "件中在法定期限内办结"
                + t.closedWithinStatutoryLimit() + "件，占" + share(t) + "；" + open;
    }

    /** The return visits after the year's closures. */
    static String returnVisits(Summary.ReturnVisits r) {
        if (r.scheduled() == 0) {
            return "本年度没有需要回访的办结案件。";
        }
        StringBuilder text = new StringBuilder("对办结的").append(r.scheduled()).append("件案件均安排专人回访，已回访")
                .append(r.completed()).append("件");
        if (r.pending() > 0) {
            text.append("，尚待回访").append(r.pending()).append("件");
            if (r.overdue() > 0) {
                text.append("（其中").append(r.overdue()).append("件已超过回访期限）");
            }
        }
        return text.append("；当事人表示满意").append(r.satisfied()).append("件，息诉罢访").append(r.withdrawn())
                .append("件。").toString();
    }

    /** The sentence before the list of open cases. */
    static String stillOpen(AnnualReport report) {
        List<AnnualReport.OpenCase> open = report.openCases();
        if (open.isEmpty()) {
            return "截至" + BusinessDates.chinese(report.asOf()) + "，本年度交办的案件均已办结或依法中止。";
        }
        long overdue = open.stream().filter(c -> c.overdueOn(report.asOf())).count();
        return "截至" + BusinessDates.chinese(report.asOf()) + "，尚未办结的" + open.size() + "件案件均已明确责任领导，"
                + (overdue == 0 ? "均在办理期限内" : "其中已超过办理期限" + overdue + "件")
                + "。疑难案件须在十二月中旬前办结，问题不解决不销号。";
    }

    private static Table departmentTable(Summary s) {
        List<List<String>> rows = new ArrayList<>();
        for (Summary.DepartmentLine line : s.departments()) {
            rows.add(List.of(department(line.department()), n(line.received()), n(line.closed()), n(line.suspended()),
                    n(line.open()), n(line.overdue()), n(line.statutoryOverdue()), share(line.closed(),
                            line.closedWithinStatutoryLimit())));
        }
        Summary.Counts t = s.total();
        rows.add(List.of("合计", n(t.received()), n(t.closed()), n(t.suspended()), n(t.open()), n(t.overdue()),
                n(t.statutoryOverdue()), share(t)));
        return new Table(List.of(DEPARTMENT_HEADER), rows, true,
                new boolean[] { false, true, true, true, true, true, true, true });
    }

    private static String share(Summary.Counts t) {
        return share(t.closed(), t.closedWithinStatutoryLimit());
    }

    /** 87.5%, or a dash with nothing closed. */
    private static String share(long closed, long within) {
        return closed == 0 ? "—" : String.format(java.util.Locale.ROOT, "%.1f%%", 100.0 * within / closed);
    }

    private static Table openCasesTable(AnnualReport report) {
        List<List<String>> rows = new ArrayList<>();
        int i = 1;
        for (AnnualReport.OpenCase c : report.openCases()) {
            long late = ChronoUnit.DAYS.between(c.deadline(), report.asOf());
            rows.add(List.of(String.valueOf(i++), c.caseNumber(), department(c.department()), c.responsibleLeader(),
                    c.assignedOn().toString(), c.deadline().toString(), late > 0 ? "已逾期" + late + "天" : "在期限内"));
        }
        return new Table(List.of(OPEN_CASES_HEADER), rows, false,
                new boolean[] { true, false, false, false, false, false, false });
    }


    private static String department(Department department) {
        return ExportLabels.of("department", department);
    }

    private static String n(long count) {
        return String.valueOf(count);
    }
}
