package org.lettersvisits.reporting.annual;

import java.util.List;

/**
 * A short official document as the writers lay it out: a title, a line under it, then headings, paragraphs and
 * tables in order. The Word and PDF writers render the same blocks, so both files say the same thing.
 */
public record ReportDocument(String title, String subtitle, List<Block> blocks) {

    /** One piece of the document body. */
    public sealed interface Block permits Heading, Paragraph, Table {
    }

    /** A section heading (一、总体情况). */
    public record Heading(String text) implements Block {
    }

    /** A paragraph of running text, first line indented by two characters as official documents are. */
    public record Paragraph(String text) implements Block {
    }

    /**
     * A table with a header row; {@code lastRowIsTotal} sets the last row in bold. {@code numeric} marks the columns
     * holding counts (centred).
     */
    public record Table(List<String> header, List<List<String>> rows, boolean lastRowIsTotal, boolean[] numeric)
            implements Block {
    }
}
