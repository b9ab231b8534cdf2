package org.lettersvisits.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.stream.Collectors;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import org.lettersvisits.contracts.Department;
import org.lettersvisits.contracts.assignment.Difficulty;
import org.lettersvisits.time.StatutoryLimits;

/**
 * What each notice says, read back from its PDF and its Word file: the facts of its event, the statutory periods and
 * their last days (a period ending on a Saturday runs to the Monday), the petitioner's name on the notices addressed to
 * them, and the issuing body, the day in Chinese and the seal line at the end.
 */
class CaseNoticesTest {

    private static final CaseNotices NOTICES = new CaseNotices("中共××市委政法委员会", "（盖章）",
            StatutoryLimits.ofTheRegulations());

    private static final String NUMBER = "XF-2026-00042";
    private static final String SUBJECT = "工资拖欠诉讼久拖未决";

    @Test
    void the_assignment_sheet_gives_the_department_the_case_its_leader_and_its_deadline_from_the_committee() throws Exception {
        ReportDocument sheet = NOTICES.assignmentSheet(new CaseNotices.AssignmentSheet(NUMBER, SUBJECT, Department.COURT,
                "张副院长", Difficulty.DIFFICULT, LocalDate.of(2026, 10, 14), LocalDate.of(2026, 12, 15), null,
                LocalDate.of(2026, 10, 14)));

        assertThat(pdfText(sheet)).contains("信访事项交办单", "法院：", "现将下列涉法涉诉信访事项交你单位办理", NUMBER, SUBJECT,
                "张副院长", "疑难", "交办日期2026年10月14日", "办理期限2026年12月15日前")
                .endsWith("中共××市委政法委员会2026年10月14日（盖章）");
        assertThat(wordText(sheet)).contains("法院：", "中共××市委政法委员会", "2026年10月14日", "（盖章）");
    }

    @Test
    void a_transferred_cases_sheet_names_the_department_it_came_from_and_the_day() throws Exception {
        ReportDocument sheet = NOTICES.assignmentSheet(new CaseNotices.AssignmentSheet(NUMBER, SUBJECT,
                Department.JUSTICE_BUREAU, "张副院长", Difficulty.ROUTINE, LocalDate.of(2026, 10, 14),
                LocalDate.of(2026, 11, 13), Department.COURT, LocalDate.of(2026, 10, 20)));

        assertThat(pdfText(sheet)).contains("司法局：", "原由法院办理，自2026年10月20日起转交你单位办理", "原承办单位法院",
                "转办日期2026年10月20日", "一般").endsWith("2026年10月20日（盖章）");
    }

    @Test
    void the_acceptance_notice_tells_the_petitioner_by_name_the_sixty_days_and_the_day_they_end() throws Exception {
        ReportDocument notice = NOTICES.acceptanceNotice(new CaseNotices.AcceptanceNotice(NUMBER, SUBJECT, "王小明",
                Department.PUBLIC_SECURITY, LocalDate.of(2026, 10, 14), LocalDate.of(2026, 10, 20), 0));

        // 60 days from 20 October end on Saturday 19 December: the period runs to Monday 21 December
        assertThat(pdfText(notice)).startsWith("信访事项受理告知书").contains("王小明：", "你反映的“" + SUBJECT + "”一事",
                "已于2026年10月20日依法受理", "自受理之日起60日内办结，即于2026年12月21日前", "延长期限不超过30日", NUMBER)
                .endsWith("公安局2026年10月20日（盖章）");
    }

    @Test
    void the_extension_notice_gives_the_days_the_reason_and_the_new_last_day() throws Exception {
        ReportDocument notice = NOTICES.extensionNotice(new CaseNotices.ExtensionNotice(NUMBER, SUBJECT, "王小明",
                Department.COURT, LocalDate.of(2026, 10, 14), LocalDate.of(2026, 10, 20), 30, "需调取原审卷宗并征询鉴定意见",
                LocalDate.of(2026, 12, 1)));

        assertThat(pdfText(notice)).contains("王小明：", "原定于2026年12月21日前办结", "办理期限延长30日",
                "延长后的办理期限至2027年1月18日", "延期理由：需调取原审卷宗并征询鉴定意见").endsWith("法院2026年12月1日（盖章）");
        assertThat(wordText(notice)).contains("延期理由：需调取原审卷宗并征询鉴定意见", "王小明：");
    }

    @Test
    void the_written_answer_gives_the_resolution_and_the_right_to_a_review_until_its_last_day() throws Exception {
        ReportDocument answer = NOTICES.writtenAnswer(new CaseNotices.WrittenAnswer(NUMBER, SUBJECT, "王小明",
                Department.COURT, "已向信访人释明判决内容，拖欠工资已执行到位。", LocalDate.of(2026, 11, 2), false));

        assertThat(pdfText(answer)).contains("王小明：", "于2026年11月2日办结", "已向信访人释明判决内容，拖欠工资已执行到位。",
                "30日内，即于2026年12月2日前，向本机关的上一级机关请求复查").endsWith("法院2026年11月2日（盖章）");
        assertThat(wordText(answer)).contains("已向信访人释明判决内容，拖欠工资已执行到位。", "请求复查");
    }

    @Test
    void an_answer_to_a_review_names_the_re_review_as_the_next_step() throws Exception {
        ReportDocument answer = NOTICES.writtenAnswer(new CaseNotices.WrittenAnswer(NUMBER, SUBJECT, "王小明",
                Department.COURT, "维持原处理意见。", LocalDate.of(2026, 11, 2), true));

        assertThat(pdfText(answer)).contains("本意见是对你复查请求的答复", "向复查机关的上一级机关请求复核")
                .doesNotContain("请求复查。");
    }

    /** The PDF's text without white space, as a reader sees it whatever the line breaks. */
    static String pdfText(ReportDocument document) throws Exception {
        byte[] pdf = PdfFile.write(document);
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument read = Loader.loadPDF(pdf)) {
            // a picture of its first page to look at: target/notices/信访事项交办单.png
            java.nio.file.Path picture = java.nio.file.Path.of("target", "notices", document.title() + ".png");
            java.nio.file.Files.createDirectories(picture.getParent());
            javax.imageio.ImageIO.write(new org.apache.pdfbox.rendering.PDFRenderer(read).renderImageWithDPI(0, 60), "png",
                    picture.toFile());
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true); // as laid out on the page (OpenPDF writes a table's text after the page's)
            return stripper.getText(read).replaceAll("\\s+", "");
        }
    }

    static String wordText(ReportDocument document) throws Exception {
        try (XWPFDocument word = new XWPFDocument(new ByteArrayInputStream(DocxFile.write(document)))) {
            return word.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
        }
    }
}
