package org.lettersvisits.export;

import java.util.function.Function;

/** One column of an exported list: its heading and how a row's cell is read (text, a number, a date or a boolean). */
public record Column<T>(String heading, Function<T, Object> value) {

    public static <T> Column<T> of(String heading, Function<T, Object> value) {
        return new Column<>(heading, value);
    }
}
