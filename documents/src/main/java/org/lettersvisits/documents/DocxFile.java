package org.lettersvisits.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.lettersvisits.documents.ReportDocument.Block;
import org.lettersvisits.documents.ReportDocument.Heading;
import org.lettersvisits.documents.ReportDocument.Line;
import org.lettersvisits.documents.ReportDocument.Paragraph;
import org.lettersvisits.documents.ReportDocument.Table;

/**
 * Writes a {@link ReportDocument} as a Word (.docx) file: the few WordprocessingML parts a document needs, written
 * directly (no office library on the server). Chinese text is set in 宋体, headings in 黑体, A4 with official margins;
 * Word, WPS and LibreOffice open it and the committee's staff edit it further.
 */
public final class DocxFile {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    private DocxFile() {
    }

    public static byte[] write(ReportDocument document) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            put(zip, "[Content_Types].xml", CONTENT_TYPES);
            put(zip, "_rels/.rels", PACKAGE_RELATIONSHIPS);
            put(zip, "docProps/core.xml", core(document.title()));
            put(zip, "word/_rels/document.xml.rels", DOCUMENT_RELATIONSHIPS);
            put(zip, "word/styles.xml", STYLES);
            put(zip, "word/document.xml", body(document));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String body(ReportDocument document) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>")
                .append("<w:document xmlns:w=\"").append(W).append("\"><w:body>");
        paragraph(xml, "Title", document.title(), false);
        paragraph(xml, "Subtitle", document.subtitle(), false);
        for (Block block : document.blocks()) {
            if (block instanceof Heading h) {
                paragraph(xml, "Heading1", h.text(), false);
            } else if (block instanceof Paragraph p) {
                paragraph(xml, "BodyText", p.text(), false);
            } else if (block instanceof Line l) {
                paragraph(xml, l.align() == ReportDocument.Align.RIGHT ? "Closing" : "Salutation", l.text(), false);
            } else if (block instanceof Table t) {
                table(xml, t);
            }
        }
        // A4, margins 3.7 cm top, 3.5 bottom, 2.8 left, 2.6 right (GB/T 9704); A5 with 1.5 cm
        xml.append(document.page() == ReportDocument.Page.A4
                ? "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"2098\" w:right=\"1474\" w:bottom=\"1984\""
                        + " w:left=\"1588\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/></w:sectPr>"
                : "<w:sectPr><w:pgSz w:w=\"8391\" w:h=\"11906\"/><w:pgMar w:top=\"850\" w:right=\"850\" w:bottom=\"850\""
                        + " w:left=\"850\" w:header=\"425\" w:footer=\"425\" w:gutter=\"0\"/></w:sectPr>")
                .append("</w:body></w:document>");
        return xml.toString();
    }

    private static void paragraph(StringBuilder xml, String style, String text, boolean bold) {
        xml.append("<w:p><w:pPr><w:pStyle w:val=\"").append(style).append("\"/></w:pPr>");
        run(xml, text, bold);
        xml.append("</w:p>");
    }

    private static void run(StringBuilder xml, String text, boolean bold) {
        xml.append("<w:r>");
        if (bold) {
            xml.append("<w:rPr><w:b/></w:rPr>");
        }
        xml.append("<w:t xml:space=\"preserve\">").append(escape(text)).append("</w:t></w:r>");
    }

    private static void table(StringBuilder xml, Table table) {
        int columns = table.header().size();
        int width = 8844 / columns; // the A4 text width in twentieths of a point, shared evenly (Word fits A5 itself)
        xml.append("<w:tbl><w:tblPr><w:tblStyle w:val=\"ReportTable\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/>")
                .append("<w:jc w:val=\"center\"/></w:tblPr><w:tblGrid>");
        for (int i = 0; i < columns; i++) {
            xml.append("<w:gridCol w:w=\"").append(width).append("\"/>");
        }
        xml.append("</w:tblGrid>");
        row(xml, table.header(), table, true, true);
        for (int r = 0; r < table.rows().size(); r++) {
            boolean total = table.lastRowIsTotal() && r == table.rows().size() - 1;
            row(xml, table.rows().get(r), table, false, total);
        }
        xml.append("</w:tbl>");
    }

    private static void row(StringBuilder xml, List<String> cells, Table table, boolean header, boolean bold) {
        xml.append("<w:tr>");
        if (header) {
            xml.append("<w:trPr><w:tblHeader/></w:trPr>");
        }
        for (int c = 0; c < cells.size(); c++) {
            boolean centred = header || table.numeric()[c];
            xml.append("<w:tc><w:p><w:pPr><w:pStyle w:val=\"TableText\"/>")
                    .append(centred ? "<w:jc w:val=\"center\"/>" : "").append("</w:pPr>");
            run(xml, cells.get(c), bold);
            xml.append("</w:p></w:tc>");
        }
        xml.append("</w:tr>");
    }

    private static String core(String title) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
                + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>" + escape(title)
                + "</dc:title><dc:language>zh-CN</dc:language><dc:creator>信访平台</dc:creator></cp:coreProperties>";
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> {
                    if (ch >= 0x20 || ch == '\t' || ch == '\n' || ch == '\r') {
                        out.append(ch); // other control characters are not allowed in XML 1.0
                    }
                }
            }
        }
        return out.toString();
    }

    private static void put(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static final String CONTENT_TYPES = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
            <Default Extension="xml" ContentType="application/xml"/>
            <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
            <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
            <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
            </Types>""";

    private static final String PACKAGE_RELATIONSHIPS = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
            <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
            </Relationships>""";

    private static final String DOCUMENT_RELATIONSHIPS = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
            </Relationships>""";

    /**
     * 宋体 小四 body text, 黑体 headings, a centred 黑体 二号 title, tables with single borders; a letter's addressee
     * flush left (Salutation) and its issuing body, date and seal flush right (Closing).
     */
    private static final String STYLES = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
            <w:docDefaults><w:rPrDefault><w:rPr>
              <w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="宋体" w:cs="Times New Roman"/>
              <w:sz w:val="24"/><w:szCs w:val="24"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/>
            </w:rPr></w:rPrDefault>
            <w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="360" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
            <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
            <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/>
              <w:pPr><w:jc w:val="center"/><w:spacing w:after="120"/></w:pPr>
              <w:rPr><w:rFonts w:eastAsia="黑体"/><w:b/><w:sz w:val="44"/><w:szCs w:val="44"/></w:rPr></w:style>
            <w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/>
              <w:pPr><w:jc w:val="center"/><w:spacing w:after="240"/></w:pPr>
              <w:rPr><w:rFonts w:eastAsia="楷体"/><w:sz w:val="21"/><w:szCs w:val="21"/></w:rPr></w:style>
            <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>
              <w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/><w:ind w:firstLineChars="200" w:firstLine="480"/><w:outlineLvl w:val="0"/></w:pPr>
              <w:rPr><w:rFonts w:eastAsia="黑体"/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:style>
            <w:style w:type="paragraph" w:styleId="BodyText"><w:name w:val="Body Text"/><w:basedOn w:val="Normal"/>
              <w:pPr><w:ind w:firstLineChars="200" w:firstLine="480"/><w:jc w:val="both"/></w:pPr></w:style>
            <w:style w:type="paragraph" w:styleId="Salutation"><w:name w:val="Salutation"/><w:basedOn w:val="Normal"/>
              <w:pPr><w:spacing w:after="60"/></w:pPr></w:style>
            <w:style w:type="paragraph" w:styleId="Closing"><w:name w:val="Closing"/><w:basedOn w:val="Normal"/>
              <w:pPr><w:jc w:val="right"/><w:spacing w:before="120"/></w:pPr></w:style>
            <w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/>
              <w:pPr><w:spacing w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="21"/><w:szCs w:val="21"/></w:rPr></w:style>
            <w:style w:type="table" w:styleId="ReportTable"><w:name w:val="Report Table"/>
              <w:tblPr><w:tblBorders>
                <w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/>
                <w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/>
                <w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/>
              </w:tblBorders><w:tblCellMar><w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
            </w:styles>""";
}
