package org.lettersvisits.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;

/** The same document as Word and as PDF: both open, say the same Chinese text, and keep the page asked for. */
class DocumentFilesTest {

    private static final String LONG = "依据《信访工作条例》，有关机关应当自收到信访事项之日起15日内书面告知信访人是否受理，"
            + "对受理的信访事项应当自受理之日起60日内办结；情况复杂的，经本机关负责人批准，可以适当延长办理期限，"
            + "但延长期限不得超过30日，并告知信访人延期理由。";

    private static ReportDocument document(ReportDocument.Page page) {
        return new ReportDocument("信访事项登记回执", "XF-2026-00042", List.of(
                new ReportDocument.Line("王小明：", ReportDocument.Align.LEFT),
                new ReportDocument.Heading("一、基本情况"),
                new ReportDocument.Paragraph(LONG),
                new ReportDocument.Table(List.of("项目", "内容"), List.of(List.of("信访编号", "XF-2026-00042"),
                        List.of("信访事由", "工资 & 赔偿 <争议>")), false, new boolean[] { false, false }),
                new ReportDocument.Line("中共××市委政法委员会", ReportDocument.Align.RIGHT)), page);
    }

    @Test
    void the_sample_holds_every_kind_of_block_so_both_writers_are_tried_on_each() {
        List<Class<?>> kinds = document(ReportDocument.Page.A4).blocks().stream().<Class<?>>map(Object::getClass).toList();
        assertThat(kinds).containsAll(List.of(ReportDocument.Block.class.getPermittedSubclasses()));
    }

    @Test
    void the_pdf_embeds_its_font_keeps_the_page_and_says_the_text() throws Exception {
        byte[] pdf = PdfFile.write(document(ReportDocument.Page.A5));
        try (PDDocument read = Loader.loadPDF(pdf)) {
            assertThat(read.getPage(0).getMediaBox().getWidth()).isBetween(419f, 421f);
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true); // as laid out on the page (OpenPDF writes a table's text after the page's)
            String text = stripper.getText(read);
            assertThat(text.replaceAll("\\s+", "")).contains("信访事项登记回执", "王小明：", LONG, "工资&赔偿<争议>")
                    .endsWith("中共××市委政法委员会");
            for (String line : text.split("\\R")) {
                assertThat(line).as("no line starts with a closing mark").doesNotStartWith("，").doesNotStartWith("。")
                        .doesNotStartWith("；");
            }
            assertThat(read.getPage(0).getResources().getFontNames()).isNotEmpty();
            read.getPage(0).getResources().getFontNames().forEach(name -> {
                try {
                    assertThat(read.getPage(0).getResources().getFont(name).isEmbedded()).as("embedded").isTrue();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            Path picture = Path.of("target", "a5-document.png");
            Files.createDirectories(picture.getParent());
            ImageIO.write(new PDFRenderer(read).renderImageWithDPI(0, 100), "png", picture.toFile());
        }
        try (PDDocument a4 = Loader.loadPDF(PdfFile.write(document(ReportDocument.Page.A4)))) {
            assertThat(a4.getPage(0).getMediaBox().getWidth()).isBetween(594f, 596f);
        }
    }

    @Test
    void the_word_file_opens_with_the_same_text_and_escapes_markup() throws Exception {
        try (XWPFDocument word = new XWPFDocument(new ByteArrayInputStream(DocxFile.write(document(ReportDocument.Page.A5))))) {
            assertThat(word.getParagraphs().stream().map(XWPFParagraph::getText).toList())
                    .containsSubsequence("信访事项登记回执", "XF-2026-00042", "王小明：", "一、基本情况", LONG,
                            "中共××市委政法委员会");
            XWPFParagraph closing = word.getParagraphs().get(word.getParagraphs().size() - 1);
            assertThat(closing.getStyle()).isEqualTo("Closing");
            assertThat(word.getStyles().styleExist("Closing")).as("the right-aligned closing style").isTrue();
            assertThat(word.getTables().get(0).getRow(2).getCell(1).getText()).isEqualTo("工资 & 赔偿 <争议>");
            assertThat(word.getDocument().getBody().getSectPr().getPgSz().getW().toString()).isEqualTo("8391");
        }
    }
}
