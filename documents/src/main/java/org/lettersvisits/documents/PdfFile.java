package org.lettersvisits.documents;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.lettersvisits.documents.ReportDocument.Block;
import org.lettersvisits.documents.ReportDocument.Heading;
import org.lettersvisits.documents.ReportDocument.Line;
import org.lettersvisits.documents.ReportDocument.Paragraph;
import org.lettersvisits.documents.ReportDocument.Table;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Phrase;
import com.lowagie.text.SplitCharacter;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.DefaultSplitCharacter;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

/**
 * Writes a {@link ReportDocument} as a PDF (OpenPDF) in Noto Sans SC, shipped in a jar on the class path and embedded
 * as a subset, so the file reads the same on any machine and the server needs no installed font. The fonts are parsed
 * once, on first use (10 MB each, about half a second), and shared by every document; a document takes tens of
 * milliseconds after that, so call it on a worker thread.
 */
public final class PdfFile {

    public static final String MEDIA_TYPE = "application/pdf";

    private static final String FONTS = "/fonts/ttf/NotoSansSC/NotoSansSC-";

    /** Characters a line must not start with, and ones it must not end with (Chinese line-breaking rules). */
    private static final String NO_LINE_START = "，。、；：！？）》」』”’%…,.;:!?)";
    private static final String NO_LINE_END = "（《「『“‘(";
    private static final SplitCharacter CHINESE_LINE_BREAKS = (start, current, end, chars, chunks) ->
            !(current + 1 < end && NO_LINE_START.indexOf(chars[current + 1]) >= 0)
                    && NO_LINE_END.indexOf(chars[current]) < 0
                    && DefaultSplitCharacter.DEFAULT.isSplitCharacter(start, current, end, chars, chunks);

    private PdfFile() {
    }

    public static byte[] write(ReportDocument report) {
        boolean a4 = report.page() == ReportDocument.Page.A4;
        float scale = a4 ? 1 : 0.85f;
        Font title = new Font(Fonts.BOLD, 18 * scale);
        Font subtitle = new Font(Fonts.REGULAR, 10.5f * scale, Font.NORMAL, Color.DARK_GRAY);
        Font heading = new Font(Fonts.BOLD, 13 * scale);
        Font body = new Font(Fonts.REGULAR, 12 * scale);
        Font cell = new Font(Fonts.REGULAR, 10.5f * scale);
        Font cellBold = new Font(Fonts.BOLD, 10.5f * scale);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // A4 with the margins of official documents (GB/T 9704): 37 mm top, 35 bottom, 28 left, 26 right; A5 with 15 mm
        Document document = a4 ? new Document(PageSize.A4, mm(28), mm(26), mm(37), mm(35))
                : new Document(PageSize.A5, mm(15), mm(15), mm(15), mm(15));
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle(report.title());
            document.addCreator("信访平台");
            document.open();
            document.add(centred(report.title(), title, 6));
            document.add(centred(report.subtitle(), subtitle, 18));
            for (Block block : report.blocks()) {
                if (block instanceof Heading h) {
                    com.lowagie.text.Paragraph p = text(h.text(), heading);
                    p.setSpacingBefore(12);
                    p.setSpacingAfter(6);
                    p.setFirstLineIndent(24);
                    document.add(p);
                } else if (block instanceof Paragraph p) {
                    com.lowagie.text.Paragraph paragraph = text(p.text(), body);
                    paragraph.setFirstLineIndent(24);
                    paragraph.setLeading(21);
                    paragraph.setAlignment(Element.ALIGN_JUSTIFIED);
                    paragraph.setSpacingAfter(4);
                    document.add(paragraph);
                } else if (block instanceof Line l) {
                    com.lowagie.text.Paragraph line = text(l.text(), body);
                    line.setLeading(21);
                    line.setAlignment(l.align() == ReportDocument.Align.RIGHT ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
                    line.setSpacingBefore(l.align() == ReportDocument.Align.RIGHT ? 6 : 0);
                    line.setSpacingAfter(4);
                    document.add(line);
                } else if (block instanceof Table t) {
                    document.add(table(t, cell, cellBold));
                }
            }
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("cannot lay out " + report.title(), e);
        }
        return out.toByteArray();
    }

    private static PdfPTable table(Table table, Font font, Font bold) {
        PdfPTable pdf = new PdfPTable(widths(table));
        pdf.setWidthPercentage(100);
        pdf.setHeaderRows(1);
        pdf.setSpacingBefore(4);
        pdf.setSpacingAfter(8);
        for (String header : table.header()) {
            PdfPCell c = cell(header, bold, true);
            c.setBackgroundColor(new Color(0xE8, 0xE8, 0xE8));
            pdf.addCell(c);
        }
        for (int r = 0; r < table.rows().size(); r++) {
            boolean total = table.lastRowIsTotal() && r == table.rows().size() - 1;
            for (int c = 0; c < table.header().size(); c++) {
                pdf.addCell(cell(table.rows().get(r).get(c), total ? bold : font, table.numeric()[c]));
            }
        }
        return pdf;
    }

    /** Each column as wide as its longest text (a Chinese character counting twice a Latin one), so nothing wraps. */
    private static float[] widths(Table table) {
        float[] widths = new float[table.header().size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = Math.max(4, width(table.header().get(c)));
            for (java.util.List<String> row : table.rows()) {
                widths[c] = Math.max(widths[c], width(row.get(c)));
            }
        }
        return widths;
    }

    private static float width(String text) {
        float width = 1; // the cell's padding
        for (char ch : text.toCharArray()) {
            width += ch < 0x2E80 ? 1.1f : 2;
        }
        return width;
    }

    private static PdfPCell cell(String text, Font font, boolean centred) {
        PdfPCell cell = new PdfPCell(new Phrase(chunk(text, font)));
        cell.setHorizontalAlignment(centred ? Element.ALIGN_CENTER : Element.ALIGN_LEFT);
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        cell.setPaddingTop(3);
        cell.setPaddingBottom(5);
        return cell;
    }

    private static com.lowagie.text.Paragraph centred(String text, Font font, float after) {
        com.lowagie.text.Paragraph p = text(text, font);
        p.setAlignment(Element.ALIGN_CENTER);
        p.setSpacingAfter(after);
        return p;
    }

    private static com.lowagie.text.Paragraph text(String text, Font font) {
        return new com.lowagie.text.Paragraph(chunk(text, font));
    }

    private static Chunk chunk(String text, Font font) {
        Chunk chunk = new Chunk(text, font);
        chunk.setSplitCharacter(CHINESE_LINE_BREAKS);
        return chunk;
    }

    private static float mm(float millimetres) {
        return millimetres * 72 / 25.4f;
    }

    /** The two weights, parsed once when first used (the class holder idiom makes that thread-safe). */
    private static final class Fonts {
        static final BaseFont REGULAR = load("Regular");
        static final BaseFont BOLD = load("Bold");
    }

    private static BaseFont load(String weight) {
        String resource = FONTS + weight + ".ttf";
        try (InputStream in = PdfFile.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path (ph-fonts-noto-sans-sc)");
            }
            // the name must end in .ttf for OpenPDF to read the bytes as TrueType; cached: parsed once per process
            return BaseFont.createFont("NotoSansSC-" + weight + ".ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true,
                    in.readAllBytes(), null);
        } catch (IOException | DocumentException e) {
            throw new UncheckedIOException(new IOException("cannot read the report font " + resource, e));
        }
    }
}
