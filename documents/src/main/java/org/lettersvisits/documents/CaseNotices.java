package org.lettersvisits.documents;

import static org.lettersvisits.time.BusinessDates.chinese;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.lettersvisits.contracts.Department;
import org.lettersvisits.contracts.assignment.Difficulty;
import org.lettersvisits.documents.ReportDocument.Align;
import org.lettersvisits.documents.ReportDocument.Block;
import org.lettersvisits.documents.ReportDocument.Line;
import org.lettersvisits.documents.ReportDocument.Paragraph;
import org.lettersvisits.documents.ReportDocument.Table;
import org.lettersvisits.export.ExportLabels;
import org.lettersvisits.time.StatutoryLimits;

/**
 * The wording of every notice a case issues ({@link NoticeKind}), in one place: each is built from the facts of the
 * event that issues it and laid out as an A4 {@link ReportDocument}, so the PDF and the Word file say the same thing.
 * Each ends with the issuing body (the committee for the assignment sheet, the department for the notices to the
 * petitioner), the day it was issued in Chinese (2026年10月14日) and the seal line. The committee's name and the seal
 * line are configuration; a department's name is the kit's message ({@code department.COURT} → 法院); the statutory
 * periods and their last days come from {@link StatutoryLimits}. Pure: the same facts give the same document.
 */
public final class CaseNotices {

    /** The committee's assignment sheet; {@code transferredFrom} names the department a transferred case left. */
    public record AssignmentSheet(String caseNumber, String subject, Department department, String responsibleLeader,
            Difficulty difficulty, LocalDate assignedOn, LocalDate deadline, Department transferredFrom,
            LocalDate issuedOn) {
    }

    /** The department accepted the case; {@code extensionDays} an extension granted before (0 for none). */
    public record AcceptanceNotice(String caseNumber, String subject, String petitionerName, Department department,
            LocalDate assignedOn, LocalDate acceptedOn, int extensionDays) {
    }

    /** The handling period was extended by {@code days}, for {@code reason}. */
    public record ExtensionNotice(String caseNumber, String subject, String petitionerName, Department department,
            LocalDate assignedOn, LocalDate acceptedOn, int days, String reason, LocalDate extendedOn) {
    }

    /** The department's written answer; {@code answersReview} when it answers the petitioner's request for a review. */
    public record WrittenAnswer(String caseNumber, String subject, String petitionerName, Department department,
            String resolution, LocalDate closedOn, boolean answersReview) {
    }

    private static final List<String> ITEM_VALUE = List.of("项目", "内容");

    private final String committeeName;
    private final String sealLine;
    private final StatutoryLimits limits;

    public CaseNotices(String committeeName, String sealLine, StatutoryLimits limits) {
        this.committeeName = committeeName;
        this.sealLine = sealLine;
        this.limits = limits;
    }

    /** 交办单: what the department is given to handle, by whom, and by when. */
    public ReportDocument assignmentSheet(AssignmentSheet s) {
        String department = name(s.department());
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("信访编号", s.caseNumber()));
        rows.add(List.of("信访事项", s.subject()));
        rows.add(List.of("承办单位", department));
        if (s.transferredFrom() != null) {
            rows.add(List.of("原承办单位", name(s.transferredFrom())));
        }
        rows.add(List.of("责任领导", s.responsibleLeader()));
        rows.add(List.of("难易程度", ExportLabels.of("difficulty", s.difficulty())));
        rows.add(List.of("交办日期", chinese(s.assignedOn())));
        if (s.transferredFrom() != null) {
            rows.add(List.of("转办日期", chinese(s.issuedOn())));
        }
        rows.add(List.of("办理期限", chinese(s.deadline()) + "前"));
        String given = s.transferredFrom() == null ? "现将下列涉法涉诉信访事项交你单位办理。"
                : "下列涉法涉诉信访事项原由" + name(s.transferredFrom()) + "办理，自" + chinese(s.issuedOn())
                        + "起转交你单位办理。";
        List<Block> blocks = new ArrayList<>(List.of(new Line(department + "：", Align.LEFT),
                new Paragraph(given + "请责任领导包案，依照《信访工作条例》依法按期办理，于办理期限前将办理结果书面报送"
                        + committeeName + "。不解决不销号。"),
                new Table(ITEM_VALUE, rows, false, new boolean[] { false, false })));
        return document("信访事项交办单", s.caseNumber(), blocks, committeeName, s.issuedOn());
    }

    /** 受理告知书: the matter is accepted, and within which period, to which day, it will be answered. */
    public ReportDocument acceptanceNotice(AcceptanceNotice n) {
        LocalDate due = limits.handlingDue(n.assignedOn(), n.acceptedOn(), n.extensionDays()).date();
        List<Block> blocks = List.of(new Line(n.petitionerName() + "：", Align.LEFT),
                new Paragraph("你反映的“" + n.subject() + "”一事，本机关已于" + chinese(n.acceptedOn()) + "依法受理。"),
                new Paragraph("依照《信访工作条例》的规定，本机关将自受理之日起" + (limits.handlingDays() + n.extensionDays())
                        + "日内办结，即于" + chinese(due) + "前作出处理意见并书面答复你。情况复杂的，经本机关负责人批准，"
                        + "可以适当延长办理期限，但延长期限不超过" + limits.extensionMaxDays() + "日，并将延期理由告知你。"),
                new Paragraph("办理期间，你可以凭信访编号" + n.caseNumber() + "向本机关查询办理进展。特此告知。"));
        return document("信访事项受理告知书", n.caseNumber(), blocks, name(n.department()), n.acceptedOn());
    }

    /** 延期告知书: the handling period is extended, by how many days, why, and to which day. */
    public ReportDocument extensionNotice(ExtensionNotice n) {
        LocalDate before = limits.handlingDue(n.assignedOn(), n.acceptedOn(), 0).date();
        LocalDate after = limits.handlingDue(n.assignedOn(), n.acceptedOn(), n.days()).date();
        String accepted = n.acceptedOn() == null ? "" : "本机关已于" + chinese(n.acceptedOn()) + "依法受理，";
        List<Block> blocks = List.of(new Line(n.petitionerName() + "：", Align.LEFT),
                new Paragraph("你反映的“" + n.subject() + "”一事（信访编号" + n.caseNumber() + "），" + accepted
                        + "原定于" + chinese(before) + "前办结。"),
                new Paragraph("因情况复杂，经本机关负责人批准，办理期限延长" + n.days() + "日，延长后的办理期限至"
                        + chinese(after) + "。"),
                new Paragraph("延期理由：" + n.reason()),
                new Paragraph("本机关将在延长后的期限内办结，并将处理意见书面答复你。特此告知。"));
        return document("信访事项延期办理告知书", n.caseNumber(), blocks, name(n.department()), n.extendedOn());
    }

    /**
     * 处理意见书: the department's answer and the petitioner's right to have it reviewed by the body above, until the
     * last day of the review request period; an answer to a review names the next step, the re-review (复核).
     */
    public ReportDocument writtenAnswer(WrittenAnswer a) {
        LocalDate lastDay = limits.reviewRequestDue(a.closedOn()).date();
        String right = a.answersReview()
                ? "本意见是对你复查请求的答复。如你对本复查意见不服，可以自本意见书作出之日起" + limits.reviewRequestDays()
                        + "日内，即于" + chinese(lastDay) + "前，向复查机关的上一级机关请求复核。"
                : "如你对本处理意见不服，可以自本意见书作出之日起" + limits.reviewRequestDays() + "日内，即于"
                        + chinese(lastDay) + "前，向本机关的上一级机关请求复查。";
        List<Block> blocks = List.of(new Line(a.petitionerName() + "：", Align.LEFT),
                new Paragraph("你反映的“" + a.subject() + "”一事（信访编号" + a.caseNumber() + "），本机关已依法办理，"
                        + "于" + chinese(a.closedOn()) + "办结。现将处理意见答复如下："),
                new Paragraph(a.resolution()),
                new Paragraph(right),
                new Paragraph("特此答复。"));
        return document("信访事项处理意见书", a.caseNumber(), blocks, name(a.department()), a.closedOn());
    }

    /** The title, the case number under it, the body, then the issuing body, the day in Chinese and the seal line. */
    private ReportDocument document(String title, String caseNumber, List<Block> body, String issuer, LocalDate issuedOn) {
        List<Block> blocks = new ArrayList<>(body);
        blocks.add(new Line(issuer, Align.RIGHT));
        blocks.add(new Line(chinese(issuedOn), Align.RIGHT));
        blocks.add(new Line(sealLine, Align.RIGHT));
        return new ReportDocument(title, "信访编号 " + caseNumber, List.copyOf(blocks));
    }

    private static String name(Department department) {
        return ExportLabels.of("department", department);
    }
}
