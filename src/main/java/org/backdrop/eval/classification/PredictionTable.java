package org.backdrop.eval.classification;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-sample predictions that {@code eval-cls --out DIR} writes to {@code predictions.csv}: one row
 * per model, dataset and classified sample, in the order the datasets were given and the samples were
 * classified. The file is RFC 4180 CSV with the header {@link #HEADER}; class indices are the model's
 * output indices, and {@code correct} is 1 when the two indices are equal, else 0.
 *
 * @param rows the rows in file order
 */
public record PredictionTable(List<Row> rows) {

    /** The file's name in a results folder. */
    public static final String FILE_NAME = "predictions.csv";

    /** The file's columns, in order. */
    public static final List<String> HEADER =
            List.of("model", "dataset", "sample_id", "true_class", "true_name", "predicted_class", "predicted_name", "correct");

    /**
     * One row.
     *
     * @param model the model's file name
     * @param dataset the dataset's name, as {@code results.json} names it
     * @param prediction the sample id with the true and predicted class indices
     * @param trueName the true class's name
     * @param predictedName the predicted class's name
     */
    public record Row(String model, String dataset, Prediction prediction, String trueName, String predictedName) {}

    /** Copies the list. */
    public PredictionTable {
        rows = List.copyOf(rows);
    }

    /** Returns the predictions of {@code model} on {@code dataset}, in file order; empty when the file has none. */
    public List<Prediction> predictions(String model, String dataset) {
        return rows.stream().filter(row -> row.model().equals(model) && row.dataset().equals(dataset)).map(Row::prediction).toList();
    }

    /** Returns the datasets named in the file for each model, both in the order they first appear. */
    public Map<String, List<String>> datasetsByModel() {
        Map<String, List<String>> datasets = new LinkedHashMap<>();
        for (Row row : rows) {
            List<String> names = datasets.computeIfAbsent(row.model(), model -> new ArrayList<>());
            if (!names.contains(row.dataset())) {
                names.add(row.dataset());
            }
        }
        return datasets;
    }

    /**
     * Reads {@code file}.
     *
     * @throws IOException when it cannot be read, or is not a predictions table; the message names the file,
     *     the line and what is wrong
     */
    public static PredictionTable read(Path file) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            CsvRecords records = new CsvRecords(file, reader);
            List<String> header = records.next();
            if (header == null || !header.equals(HEADER)) {
                throw new IOException(file + ": line 1: expected the header " + String.join(",", HEADER) + ", found "
                        + (header == null ? "an empty file" : String.join(",", header)) + "; is this a predictions.csv that eval-cls --out wrote?");
            }
            for (List<String> record = records.next(); record != null; record = records.next()) {
                rows.add(row(file, records.line(), record));
            }
        }
        return new PredictionTable(rows);
    }

    private static Row row(Path file, int line, List<String> record) throws IOException {
        if (record.size() != HEADER.size()) {
            throw new IOException(file + ": line " + line + ": expected " + HEADER.size() + " values, found " + record.size());
        }
        int trueClass = classIndex(file, line, "true_class", record.get(3));
        int predictedClass = classIndex(file, line, "predicted_class", record.get(5));
        String correct = record.get(7);
        if (!correct.equals(trueClass == predictedClass ? "1" : "0")) {
            throw new IOException(file + ": line " + line + ": correct is \"" + correct + "\" but the classes are " + trueClass + " and "
                    + predictedClass + "; the file was changed after eval-cls wrote it");
        }
        return new Row(record.get(0), record.get(1), new Prediction(record.get(2), trueClass, predictedClass), record.get(4), record.get(6));
    }

    private static int classIndex(Path file, int line, String column, String value) throws IOException {
        try {
            int index = Integer.parseInt(value);
            if (index >= 0) {
                return index;
            }
        } catch (NumberFormatException e) {
            // Reported below with the column's name.
        }
        throw new IOException(file + ": line " + line + ": " + column + " must be a class index (0 or more), found \"" + value + "\"");
    }

    /** Splits RFC 4180 text into records, with quoted values that may hold commas, quotes and line breaks. */
    private static final class CsvRecords {
        private final Path file;
        private final BufferedReader reader;
        private int line;
        private int recordLine;

        CsvRecords(Path file, BufferedReader reader) {
            this.file = file;
            this.reader = reader;
        }

        /** Returns the line the last record started on, from 1. */
        int line() {
            return recordLine;
        }

        /** Returns the next record, or null at the end; a blank line ends nothing and is passed over. */
        List<String> next() throws IOException {
            String text = reader.readLine();
            while (text != null && text.isEmpty()) {
                line++;
                text = reader.readLine();
            }
            if (text == null) {
                return null;
            }
            line++;
            recordLine = line;
            List<String> values = new ArrayList<>();
            StringBuilder value = new StringBuilder();
            boolean quoted = false;
            int i = 0;
            while (true) {
                if (i == text.length()) {
                    if (!quoted) {
                        values.add(value.toString());
                        return values;
                    }
                    // A line break inside quotes belongs to the value.
                    text = reader.readLine();
                    if (text == null) {
                        throw new IOException(file + ": line " + recordLine + ": a quoted value is not closed before the end of the file");
                    }
                    line++;
                    value.append('\n');
                    i = 0;
                    continue;
                }
                char c = text.charAt(i++);
                if (quoted) {
                    if (c != '"') {
                        value.append(c);
                    } else if (i < text.length() && text.charAt(i) == '"') {
                        value.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else if (c == '"' && value.isEmpty()) {
                    quoted = true;
                } else if (c == ',') {
                    values.add(value.toString());
                    value.setLength(0);
                } else {
                    value.append(c);
                }
            }
        }
    }
}
