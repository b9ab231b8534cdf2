package org.lettersvisits.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.lettersvisits.problem.InvalidField;

/**
 * A list written out as a CSV file or an Excel workbook for download, with the same filters and rights as the list
 * on screen (callers query with the reader's filters and pass the rows here). At most {@value #MAX_ROWS} rows: a
 * caller asks for one more and a larger export is refused with 400 (narrow the filters), so no export is cut short
 * without anyone noticing.
 */
public final class Exports {

    public static final int MAX_ROWS = 10_000;

    /** The media types an export endpoint produces, for its {@code @Produces} (with the problem type for a 400). */
    public static final String CSV = "text/csv";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private Exports() {
    }

    /** The rows as a download named {@code name-<date>.csv|xlsx}; 400 when there are more than {@value #MAX_ROWS}. */
    public static <T> Response download(ExportFormat format, String name, LocalDate asOf, List<Column<T>> columns,
            List<T> rows) {
        if (rows.size() > MAX_ROWS) {
            throw new InvalidField("export", "an export holds at most " + MAX_ROWS + " rows; narrow the filters");
        }
        byte[] body = format == ExportFormat.CSV ? csv(columns, rows) : xlsx(name, columns, rows);
        return Response.ok(body, format.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"" + name + "-" + asOf + "." + format.extension() + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    /** RFC 4180 with a byte-order mark, so Excel reads the Chinese text as UTF-8. */
    static <T> byte[] csv(List<Column<T>> columns, List<T> rows) {
        StringBuilder out = new StringBuilder("\uFEFF");
        line(out, columns.stream().map(c -> (Object) c.heading()).toList());
        for (T row : rows) {
            line(out, columns.stream().map(c -> c.value().apply(row)).toList());
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, List<Object> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(csvCell(cells.get(i)));
        }
        out.append("\r\n");
    }

    /**
     * A cell quoted where needed; text a spreadsheet would run as a formula ({@code =}, {@code +}, {@code -},
     * {@code @} first) gets a leading apostrophe, since subjects and names are typed by the public.
     */
    static String csvCell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (value instanceof String && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    static <T> byte[] xlsx(String name, List<Column<T>> columns, List<T> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "Letters and Visits", "1.0");
            Worksheet sheet = workbook.newWorksheet(name.length() > 31 ? name.substring(0, 31) : name);
            for (int c = 0; c < columns.size(); c++) {
                sheet.value(0, c, columns.get(c).heading());
                sheet.style(0, c).bold().set();
                sheet.width(c, 18);
            }
            sheet.freezePane(0, 1);
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < columns.size(); c++) {
                    cell(sheet, r + 1, c, columns.get(c).value().apply(rows.get(r)));
                }
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void cell(Worksheet sheet, int r, int c, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof Number number) {
            sheet.value(r, c, number);
        } else if (value instanceof Boolean bool) {
            sheet.value(r, c, bool);
        } else if (value instanceof LocalDate date) {
            sheet.value(r, c, date);
            sheet.style(r, c).format("yyyy-mm-dd").set();
        } else {
            sheet.value(r, c, value.toString());
        }
    }
}
