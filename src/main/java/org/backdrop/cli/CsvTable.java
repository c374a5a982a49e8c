package org.backdrop.cli;

import java.util.List;

/**
 * A CSV table as RFC 4180 writes it: a header line, then one line per row. Numbers are written with
 * {@link Double#toString}, so they read back to the same double; NaN and null become empty cells.
 */
final class CsvTable {

    private final StringBuilder text = new StringBuilder();
    private final int columns;

    CsvTable(String... header) {
        columns = header.length;
        appendRow(List.of((Object[]) header));
    }

    CsvTable(List<String> header) {
        columns = header.size();
        appendRow(List.copyOf(header));
    }

    /** Adds a row; each value is a string, a number or null. */
    CsvTable row(Object... values) {
        if (values.length != columns) {
            throw new IllegalArgumentException("a row of " + values.length + " values in a table of " + columns + " columns");
        }
        appendRow(java.util.Arrays.asList(values));
        return this;
    }

    private void appendRow(List<Object> values) {
        appendLine(text, values);
    }

    /** Appends {@code values} as one CSV line, with its line break, to {@code out}; for tables written row by row. */
    static void appendLine(StringBuilder out, List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(values.get(i)));
        }
        out.append('\n');
    }

    private static String cell(Object value) {
        if (value == null || (value instanceof Double number && number.isNaN())) {
            return "";
        }
        String string = value.toString();
        boolean quote = string.contains(",") || string.contains("\"") || string.contains("\n") || string.contains("\r");
        return quote ? '"' + string.replace("\"", "\"\"") + '"' : string;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
