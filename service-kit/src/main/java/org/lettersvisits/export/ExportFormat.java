package org.lettersvisits.export;

import java.util.Locale;

import org.lettersvisits.problem.InvalidField;

/** The formats a list is exported in: CSV (UTF-8, opens in Excel and WPS) and an Excel workbook. */
public enum ExportFormat {
    CSV(Exports.CSV + "; charset=UTF-8", "csv"),
    XLSX(Exports.XLSX, "xlsx");

    private final String mediaType;
    private final String extension;

    ExportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** {@code csv} (the default) or {@code xlsx}; anything else is a 400. */
    public static ExportFormat of(String format) {
        if (format == null || format.isBlank()) {
            return CSV;
        }
        try {
            return valueOf(format.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidField("format", "must be csv or xlsx");
        }
    }
}
