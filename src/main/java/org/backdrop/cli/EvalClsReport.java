package org.backdrop.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.backdrop.dataset.InvalidSample;
import org.backdrop.eval.classification.BackgroundGap;
import org.backdrop.eval.classification.ClassificationReport;
import org.backdrop.eval.classification.Prediction;
import org.backdrop.eval.classification.PredictionTable;
import org.backdrop.eval.classification.VariantComparison;
import org.backdrop.model.InferenceDevice;
import org.backdrop.model.spec.ModelSpec;
import picocli.CommandLine.Model.CommandSpec;

/** The results of {@code eval-cls}, printed as text or as one JSON document. */
record EvalClsReport(Path model, ModelSpec modelSpec, InferenceDevice device, List<DatasetResult> datasets, List<Comparison> comparisons,
        NamedGap backgroundGap) {

    /** One input's predictions, metrics and skipped samples. */
    record DatasetResult(Path path, String name, List<Prediction> predictions, ClassificationReport report, List<InvalidSample> skipped) {}

    /** A variant compared with the first input. */
    record Comparison(String variant, VariantComparison result) {}

    /** The BG-gap with the names of the two inputs it came from. */
    record NamedGap(String mixedSame, String mixedRand, BackgroundGap gap) {}

    void print(CommandSpec spec, boolean json) {
        if (json) {
            JsonOutput.print(spec, document());
        } else {
            printText(spec.commandLine().getOut());
        }
    }

    /**
     * Writes the results folder: {@code results.json} (the JSON document plus the run's inputs: tool
     * version, the model file's SHA-256, spec, device and datasets), the CSV tables {@code accuracy.csv},
     * {@code per_class.csv}, {@code confusion.csv} and {@code comparisons.csv}, and {@code table.csv}
     * in the layout of {@link #printTable}, and {@link PredictionTable#FILE_NAME} with each sample's prediction.
     */
    void writeFolder(Path dir) throws IOException {
        ResultsFolder folder = ResultsFolder.create(dir);
        ObjectNode results = document();
        results.set("run", ResultsFolder.modelRun("eval-cls", model, modelSpec, device, datasets.stream().map(DatasetResult::path).toList()));
        folder.writeResults(results);

        CsvTable accuracy = new CsvTable("dataset", "samples", "correct", "accuracy");
        CsvTable perClass = new CsvTable("dataset", "class", "name", "samples", "accuracy");
        CsvTable confusion = new CsvTable("dataset", "true_class", "predicted_class", "count");
        for (DatasetResult dataset : datasets) {
            ClassificationReport report = dataset.report();
            accuracy.row(dataset.name(), report.sampleCount(), report.correctCount(), report.accuracy());
            long[][] matrix = report.confusion().toArray();
            for (int c = 0; c < matrix.length; c++) {
                perClass.row(dataset.name(), c, modelSpec.className(c), rowSum(matrix[c]), report.perClassAccuracy().get(c));
                for (int predicted = 0; predicted < matrix[c].length; predicted++) {
                    if (matrix[c][predicted] != 0) {
                        confusion.row(dataset.name(), c, predicted, matrix[c][predicted]);
                    }
                }
            }
        }
        CsvTable comparisonTable = new CsvTable("original", "variant", "paired_samples", "original_accuracy", "variant_accuracy", "accuracy_drop", "flips");
        for (Comparison comparison : comparisons) {
            VariantComparison result = comparison.result();
            comparisonTable.row(datasets.get(0).name(), comparison.variant(), result.pairedSamples(), result.originalAccuracy(),
                    result.variantAccuracy(), result.accuracyDrop(), result.flips().size());
        }
        folder.writeCsv("accuracy.csv", accuracy);
        folder.writeCsv("per_class.csv", perClass);
        folder.writeCsv("confusion.csv", confusion);
        folder.writeCsv("comparisons.csv", comparisonTable);
        folder.writeCsv("table.csv", paperTable().csv());
        writePredictions(folder);
    }

    /**
     * Writes {@link PredictionTable#FILE_NAME}: a row per classified sample of each input, in input order,
     * with the true and predicted class (index and name) and whether they agree.
     */
    private void writePredictions(ResultsFolder folder) throws IOException {
        String modelName = model.getFileName().toString();
        folder.writeCsv(PredictionTable.FILE_NAME, PredictionTable.HEADER, rows -> {
            for (DatasetResult dataset : datasets) {
                for (Prediction prediction : dataset.predictions()) {
                    rows.row(modelName, dataset.name(), prediction.sampleId(), prediction.trueLabel(), modelSpec.className(prediction.trueLabel()),
                            prediction.predictedLabel(), modelSpec.className(prediction.predictedLabel()), prediction.isCorrect() ? 1 : 0);
                }
            }
        });
    }

    /**
     * Prints one Markdown table row per model, with the accuracy (in percent, two decimals) on each input
     * as a column, in the layout of a paper's results table: {@code | Model | Original | red | ... |}.
     */
    void printTable(PrintWriter out) {
        paperTable().printMarkdown(out);
    }

    private PaperTable paperTable() {
        return new PaperTable(model.getFileName().toString(), "accuracy", datasets.stream().map(DatasetResult::name).toList(),
                datasets.stream().map(dataset -> dataset.report().accuracy()).toList());
    }

    private ObjectNode document() {
        ObjectNode root = JsonOutput.mapper().createObjectNode();
        root.put("model", model.toAbsolutePath().toString());
        root.put("spec", modelSpec.source());
        root.putObject("device").put("requested", device.requested().toString()).put("used", device.name()).put("reason", device.reason());
        ArrayNode list = root.putArray("datasets");
        for (DatasetResult dataset : datasets) {
            list.add(datasetNode(dataset));
        }
        ArrayNode comparisonList = root.putArray("comparisons");
        for (Comparison comparison : comparisons) {
            VariantComparison result = comparison.result();
            ObjectNode node = comparisonList.addObject();
            node.put("original", datasets.get(0).name());
            node.put("variant", comparison.variant());
            node.put("pairedSamples", result.pairedSamples());
            node.put("originalAccuracy", result.originalAccuracy());
            node.put("variantAccuracy", result.variantAccuracy());
            node.put("accuracyDrop", result.accuracyDrop());
            ArrayNode flips = node.putArray("flips");
            result.flips().forEach(flips::add);
        }
        if (backgroundGap == null) {
            root.putNull("bgGap");
        } else {
            root.putObject("bgGap")
                    .put("mixedSame", backgroundGap.mixedSame())
                    .put("mixedRand", backgroundGap.mixedRand())
                    .put("mixedSameAccuracy", backgroundGap.gap().mixedSameAccuracy())
                    .put("mixedRandAccuracy", backgroundGap.gap().mixedRandAccuracy())
                    .put("gap", backgroundGap.gap().gap());
        }
        return root;
    }

    private ObjectNode datasetNode(DatasetResult dataset) {
        ClassificationReport report = dataset.report();
        ObjectNode node = JsonOutput.mapper().createObjectNode();
        node.put("name", dataset.name());
        node.put("path", dataset.path().toAbsolutePath().toString());
        node.put("samples", report.sampleCount());
        node.put("correct", report.correctCount());
        node.put("accuracy", report.accuracy());
        ArrayNode perClass = node.putArray("perClassAccuracy");
        long[][] confusion = report.confusion().toArray();
        for (int c = 0; c < confusion.length; c++) {
            ObjectNode entry = perClass.addObject().put("class", c).put("name", modelSpec.className(c)).put("samples", rowSum(confusion[c]));
            double accuracy = report.perClassAccuracy().get(c);
            if (Double.isNaN(accuracy)) {
                entry.putNull("accuracy");
            } else {
                entry.put("accuracy", accuracy);
            }
        }
        ArrayNode matrix = node.putArray("confusionMatrix");
        for (long[] row : confusion) {
            ArrayNode rowNode = matrix.addArray();
            for (long count : row) {
                rowNode.add(count);
            }
        }
        ArrayNode skipped = node.putArray("skipped");
        dataset.skipped().forEach(sample -> skipped.addObject().put("file", sample.file()).put("reason", sample.reason()));
        return node;
    }

    private void printText(PrintWriter out) {
        out.printf("Model %s on %s (%s)%n", model, device.name(), device.reason());
        for (DatasetResult dataset : datasets) {
            ClassificationReport report = dataset.report();
            out.printf("%n%s: accuracy %.4f (%d of %d), %d skipped%n", dataset.name(), report.accuracy(), report.correctCount(),
                    report.sampleCount(), dataset.skipped().size());
            long[][] confusion = report.confusion().toArray();
            out.printf("  %-5s %-20s %8s %9s   confusion row (predicted 0..%d)%n", "class", "name", "samples", "accuracy", confusion.length - 1);
            for (int c = 0; c < confusion.length; c++) {
                double accuracy = report.perClassAccuracy().get(c);
                out.printf("  %-5d %-20s %8d %9s   %s%n", c, modelSpec.className(c), rowSum(confusion[c]),
                        Double.isNaN(accuracy) ? "-" : String.format("%.4f", accuracy), joined(confusion[c]));
            }
        }
        for (Comparison comparison : comparisons) {
            VariantComparison result = comparison.result();
            out.printf("%n%s against %s: accuracy %.4f -> %.4f, drop %.4f over %d samples, %d flipped from right to wrong%n",
                    comparison.variant(), datasets.get(0).name(), result.originalAccuracy(), result.variantAccuracy(), result.accuracyDrop(),
                    result.pairedSamples(), result.flips().size());
        }
        if (backgroundGap != null) {
            out.printf("%nBG-gap (%s - %s): %.4f%n", backgroundGap.mixedSame(), backgroundGap.mixedRand(), backgroundGap.gap().gap());
        }
        out.flush();
    }

    private static long rowSum(long[] row) {
        long sum = 0;
        for (long count : row) {
            sum += count;
        }
        return sum;
    }

    private static String joined(long[] row) {
        StringBuilder text = new StringBuilder();
        for (long count : row) {
            text.append(text.length() == 0 ? "" : " ").append(count);
        }
        return text.toString();
    }
}
