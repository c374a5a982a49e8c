package org.backdrop.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One metric of one model on the original and each variant, laid out as a paper's results table: one
 * row per model, the columns {@code Original} (the first dataset) and then each variant by name.
 *
 * @param model the row label, usually the model's file name
 * @param metric what the numbers are, such as {@code accuracy} or {@code AP}
 * @param datasets the dataset names, the original first
 * @param values the metric on each dataset, in the same order; values in [0, 1] are shown in percent
 */
record PaperTable(String model, String metric, List<String> datasets, List<Double> values) {

    PaperTable {
        if (datasets.size() != values.size()) {
            throw new IllegalArgumentException(datasets.size() + " datasets but " + values.size() + " values");
        }
        datasets = List.copyOf(datasets);
        values = new ArrayList<>(values);
    }

    /** Prints the table in Markdown, the numbers in percent with two decimals; "-" for an undefined value. */
    void printMarkdown(PrintWriter out) {
        StringBuilder header = new StringBuilder("| Model |");
        StringBuilder rule = new StringBuilder("| --- |");
        StringBuilder row = new StringBuilder("| ").append(model).append(" |");
        for (int i = 0; i < datasets.size(); i++) {
            header.append(' ').append(columnName(i)).append(" |");
            rule.append(" ---: |");
            double value = values.get(i);
            row.append(Double.isNaN(value) || value < 0 ? " - |" : String.format(Locale.ROOT, " %.2f |", 100 * value));
        }
        out.println(header);
        out.println(rule);
        out.println(row);
        out.flush();
    }

    /** Returns the table as CSV: {@code model,metric,Original,<variant>,...} and one row with the values. */
    CsvTable csv() {
        List<String> header = new ArrayList<>(List.of("model", "metric"));
        Object[] row = new Object[datasets.size() + 2];
        row[0] = model;
        row[1] = metric;
        for (int i = 0; i < datasets.size(); i++) {
            header.add(columnName(i));
            row[i + 2] = values.get(i);
        }
        return new CsvTable(header).row(row);
    }

    private String columnName(int index) {
        return index == 0 ? "Original" : datasets.get(index);
    }
}
