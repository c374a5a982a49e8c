package org.backdrop.engine.launch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.backdrop.dataset.InvalidSample;
import org.backdrop.eval.classification.ClassificationReport;
import org.backdrop.eval.classification.ConfusionMatrix;

/**
 * The JSON result of {@code eval-cls --json}, which is also the body of its {@code results.json}: each
 * input's metrics and skipped samples, and each variant compared with the original.
 *
 * @param datasets the inputs in the order given, the original first
 * @param comparisons each variant that shares sample ids with the original
 */
public record ClassifierDocument(List<DatasetResult> datasets, List<Comparison> comparisons) {

    /**
     * One input's result.
     *
     * @param name the input's name (its folder or file name)
     * @param report accuracy, per-class accuracy and the confusion matrix
     * @param classNames the model's class names, or the index as text where the spec names none
     * @param skipped the samples that were not classified, with the reason
     */
    public record DatasetResult(String name, ClassificationReport report, List<String> classNames, List<InvalidSample> skipped) {

        /** Copies the lists. */
        public DatasetResult {
            classNames = List.copyOf(classNames);
            skipped = List.copyOf(skipped);
        }
    }

    /**
     * A variant compared with the original over the sample ids both contain.
     *
     * @param variant the variant's name
     * @param pairedSamples the number of samples in both
     * @param accuracyDrop original accuracy minus variant accuracy over those samples
     * @param flips the ids of samples right on the original and wrong on the variant
     */
    public record Comparison(String variant, int pairedSamples, double accuracyDrop, List<String> flips) {

        /** Copies the list. */
        public Comparison {
            flips = List.copyOf(flips);
        }
    }

    /** Copies the lists. */
    public ClassifierDocument {
        datasets = List.copyOf(datasets);
        comparisons = List.copyOf(comparisons);
    }

    /**
     * Reads the document that {@code eval-cls --json} prints.
     *
     * @throws IllegalArgumentException naming the field that is missing or of the wrong type
     */
    public static ClassifierDocument read(JsonNode document) {
        List<DatasetResult> datasets = new ArrayList<>();
        for (JsonNode dataset : array(document, "datasets")) {
            datasets.add(dataset(dataset));
        }
        if (datasets.isEmpty()) {
            throw new IllegalArgumentException("the eval-cls result lists no dataset: " + abbreviate(document));
        }
        List<Comparison> comparisons = new ArrayList<>();
        for (JsonNode comparison : array(document, "comparisons")) {
            List<String> flips = new ArrayList<>();
            for (JsonNode id : array(comparison, "flips")) {
                flips.add(id.asText());
            }
            comparisons.add(new Comparison(text(comparison, "variant"), whole(comparison, "pairedSamples"), number(comparison, "accuracyDrop"),
                    flips));
        }
        return new ClassifierDocument(datasets, comparisons);
    }

    private static DatasetResult dataset(JsonNode node) {
        List<String> classNames = new ArrayList<>();
        List<Double> perClass = new ArrayList<>();
        for (JsonNode entry : array(node, "perClassAccuracy")) {
            classNames.add(text(entry, "name"));
            JsonNode accuracy = entry.get("accuracy");
            // The command writes null for a class without samples, whose accuracy is undefined.
            perClass.add(accuracy == null || accuracy.isNull() ? Double.NaN : number(entry, "accuracy"));
        }
        ConfusionMatrix confusion = confusion(node);
        List<InvalidSample> skipped = new ArrayList<>();
        for (JsonNode sample : array(node, "skipped")) {
            skipped.add(new InvalidSample(text(sample, "file"), text(sample, "reason")));
        }

        ClassificationReport report = new ClassificationReport(whole(node, "samples"), whole(node, "correct"), number(node, "accuracy"), perClass,
                confusion);
        return new DatasetResult(text(node, "name"), report, classNames, skipped);
    }

    private static ConfusionMatrix confusion(JsonNode node) {
        JsonNode rows = array(node, "confusionMatrix");
        long[][] counts = new long[rows.size()][];
        for (int r = 0; r < rows.size(); r++) {
            JsonNode row = rows.get(r);
            if (!row.isArray()) {
                throw new IllegalArgumentException("the eval-cls result has a confusion matrix row that is not a list in " + abbreviate(node));
            }
            counts[r] = new long[row.size()];
            for (int c = 0; c < row.size(); c++) {
                if (!row.get(c).canConvertToLong()) {
                    throw new IllegalArgumentException("the eval-cls result has a confusion matrix count that is not a whole number in " + abbreviate(node));
                }
                counts[r][c] = row.get(c).longValue();
            }
        }
        try {
            return ConfusionMatrix.of(counts);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the eval-cls result of " + text(node, "name") + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode array(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray()) {
            throw new IllegalArgumentException("the eval-cls result has no \"" + field + "\" list in " + abbreviate(node));
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("the eval-cls result has no text field \"" + field + "\" in " + abbreviate(node));
        }
        return value.textValue();
    }

    private static int whole(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToInt() || !value.isIntegralNumber()) {
            throw new IllegalArgumentException("the eval-cls result has no whole-number field \"" + field + "\" in " + abbreviate(node));
        }
        return value.intValue();
    }

    private static double number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isNumber()) {
            throw new IllegalArgumentException("the eval-cls result has no number field \"" + field + "\" in " + abbreviate(node));
        }
        return value.doubleValue();
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
