package org.lettersvisits.documents;

import java.util.List;

/**
 * A short official document as the writers lay it out: a title, a line under it, then headings, paragraphs, tables
 * and a letter's flush lines in order. The Word and PDF writers render the same blocks, so both files say the same
 * thing.
 */
public record ReportDocument(String title, String subtitle, List<Block> blocks, Page page) {

    /** An A4 document (a report). */
    public ReportDocument(String title, String subtitle, List<Block> blocks) {
        this(title, subtitle, blocks, Page.A4);
    }

    /** The paper: A4 for reports, A5 for a slip handed over the counter (the visitor's receipt). */
    public enum Page {
        A4, A5
    }

    /** One piece of the document body. */
    public sealed interface Block permits Heading, Paragraph, Line, Table {
    }

    /** Where a {@link Line} is set. */
    public enum Align {
        LEFT, RIGHT
    }

    /** A section heading (一、总体情况). */
    public record Heading(String text) implements Block {
    }

    /** A paragraph of running text, first line indented by two characters as official documents are. */
    public record Paragraph(String text) implements Block {
    }

    /**
     * A line of a letter set flush, not indented: left for the addressee (张三：), right for what closes it (the
     * issuing body, the date, the seal).
     */
    public record Line(String text, Align align) implements Block {
    }

    /**
     * A table with a header row; {@code lastRowIsTotal} sets the last row in bold. {@code numeric} marks the columns
     * holding counts (centred).
     */
    public record Table(List<String> header, List<List<String>> rows, boolean lastRowIsTotal, boolean[] numeric)
            implements Block {
    }
}
