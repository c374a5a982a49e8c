package org.backdrop.ui.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.backdrop.ProgressListener;
import org.backdrop.eval.classification.ClassificationMetrics;
import org.backdrop.eval.classification.Prediction;
import org.backdrop.model.Classifier;
import org.backdrop.model.DeviceRequest;
import org.backdrop.model.ModelOptions;
import org.backdrop.model.spec.ModelSpec;
import org.backdrop.model.spec.ModelSpecReader;
import org.backdrop.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationViewModelTest {

    /** Other JPEG decoders than the reference's can shift a few predictions. */
    private static final double TOLERANCE = 2.0 / 60;

    @TempDir
    Path temp;

    private final EvaluationViewModel model = new EvaluationViewModel();

    @Test
    void swappedVariantMatchesReference() throws Exception {
        Path original = CatShipData.write(temp.resolve("original"), false);
        Path swapped = CatShipData.write(temp.resolve("swapped"), true);
        Map<String, Integer> reference = CatShipData.referencePredictions();
        ClassifierEvaluation evaluation = new ClassifierEvaluation(ClassifierFiles::open, ModelOptions.defaults().withDevice(DeviceRequest.CPU));

        EvaluationResults results = evaluation.run(List.of(new ModelInput(CatShipData.model(), CatShipData.spec())),
                List.of(VariantInput.of(original), VariantInput.of(swapped)), ProgressListener.NONE);
        model.apply(results);

        int originalRight = 0;
        int swappedRight = 0;
        int flips = 0;
        for (Map.Entry<String, Integer> entry : reference.entrySet()) {
            int label = CatShipData.label(entry.getKey());
            boolean before = entry.getValue() == label;
            boolean after = CatShipData.swappedPrediction(reference, entry.getKey()) == label;
            originalRight += before ? 1 : 0;
            swappedRight += after ? 1 : 0;
            flips += before && !after ? 1 : 0;
        }
        assertEquals(List.of("original", "swapped"), results.variants());
        assertEquals(originalRight / 60.0, model.value("resnet_2b.onnx", "original"), TOLERANCE);
        assertEquals(swappedRight / 60.0, model.value("resnet_2b.onnx", "swapped"), TOLERANCE);
        assertEquals(flips, model.visibleFlips().size(), 2);
        assertTrue(model.visibleFlips().stream().allMatch(flip -> !flip.variantPrediction().equals(flip.trueClass())));
        assertEquals("swapped", model.selectedVariantProperty().get());
        long[][] confusion = model.selectedConfusion().orElseThrow();
        assertEquals(10, confusion.length);
        assertEquals(30, sum(confusion[CatShipData.CAT]));
        assertEquals(30, sum(confusion[CatShipData.SHIP]));
        assertEquals("cat", model.classNames().get(CatShipData.CAT));
    }

    @Test
    void tableCsvHasRowPerModel() {
        model.apply(handMadeResults());

        assertEquals("model,original,\"red, dark\"\nnet.onnx,0.750000,0.500000\nother.onnx,1.000000,\n", model.tableCsv());
    }

    @Test
    void csvFileIsWritten() throws Exception {
        model.apply(handMadeResults());
        Path file = temp.resolve("table.csv");

        model.writeTableCsv(file);

        assertEquals(3, Files.readAllLines(file).size());
    }

    @Test
    void flipsFollowSelection() {
        model.apply(handMadeResults());

        model.selectedModelProperty().set("other.onnx");
        int otherFlips = model.visibleFlips().size();
        model.selectedModelProperty().set("net.onnx");

        assertEquals(0, otherFlips);
        assertEquals(1, model.visibleFlips().size());
        assertEquals("cat", model.visibleFlips().get(0).variantPrediction());
    }

    @Test
    void duplicateVariantNamesGetNumbers() {
        model.addVariant(temp.resolve("a/original"));
        model.addVariant(temp.resolve("b/original"));

        assertEquals("original (2)", model.variants().get(1).name());
    }

    @Test
    void runWithoutInputsExplainsWhatIsMissing() {
        IllegalStateException error = assertThrows(IllegalStateException.class, model::evaluateTask);

        assertTrue(error.getMessage().startsWith("Add at least one classifier"), error.getMessage());
    }

    @Test
    void torchScriptClassifierOpens() throws Exception {
        Path folder = Path.of("src/test/resources/models/torchscript");
        ModelSpec spec = ModelSpecReader.read(folder.resolve("tiny_classifier.spec.json"));

        try (Classifier classifier = ClassifierFiles.open(folder.resolve("tiny_classifier.pt"), spec, ModelOptions.defaults())) {
            assertEquals(spec, classifier.spec());
        }
    }

    @Test
    void missingModelFileIsNamed() {
        Path model = temp.resolve("net.pt");

        Exception error = assertThrows(Exception.class, () -> ClassifierFiles.open(model, null, ModelOptions.defaults()));

        assertTrue(error.getMessage().contains(model.toString()), error.getMessage());
    }

    @Test
    void detectionMatchesPycocotools() throws Exception {
        Path folder = SharedData.fixture("coco/val2014_first100_eval");
        JsonNode expected = new ObjectMapper().readTree(folder.resolve("expected_stats.json").toFile()).get("bbox").get("stats");
        model.kindProperty().set(EvaluationKind.DETECTION);
        model.addVariant(folder.resolve("instances_val2014_100.json"));

        EvaluationResults results = DetectionEvaluation.run(
                List.of(new DetectionsInput("fake", "instances_val2014_100", folder.resolve("instances_val2014_fakebbox100_results.json"))),
                List.copyOf(model.variants()), ProgressListener.NONE);
        model.apply(results);
        double ap = model.value("fake", "instances_val2014_100");
        model.detectionMetricProperty().set("AP50");
        double ap50 = model.value("fake", "instances_val2014_100");
        double[][] curve = model.precisionRecall("fake", "instances_val2014_100").orElseThrow();

        assertEquals(expected.get("AP@[.50:.95]|all|100").asDouble(), ap, 1e-12);
        assertEquals(expected.get("AP@.50|all|100").asDouble(), ap50, 1e-12);
        assertEquals(101, curve[1].length);
        assertEquals(0.0, curve[0][0]);
        assertEquals(1.0, curve[0][100], 1e-12);
    }

    /**
     * Two models on two variants. net.onnx is right on 3 of 4 original samples and 2 of 4 on the
     * variant, where sample b flips. other.onnx is right on both original samples and has no variant result.
     */
    private static EvaluationResults handMadeResults() {
        List<Prediction> original = List.of(new Prediction("a", 0, 0), new Prediction("b", 1, 1), new Prediction("c", 1, 1), new Prediction("d", 0, 1));
        List<Prediction> variant = List.of(new Prediction("a", 0, 0), new Prediction("b", 1, 0), new Prediction("c", 1, 1), new Prediction("d", 0, 1));
        List<CellResult> cells = List.of(
                new CellResult("net.onnx", "original", ClassificationMetrics.evaluate(original, 2), null),
                new CellResult("net.onnx", "red, dark", ClassificationMetrics.evaluate(variant, 2), null),
                new CellResult("other.onnx", "original", ClassificationMetrics.evaluate(List.of(new Prediction("a", 0, 0), new Prediction("b", 1, 1)), 2), null));
        FlippedSample flip = new FlippedSample("net.onnx", "red, dark", null, null, null, null, "dog", "cat");
        return new EvaluationResults(EvaluationKind.CLASSIFICATION, List.of("net.onnx", "other.onnx"), List.of("original", "red, dark"), cells,
                List.of("cat", "dog"), List.of(flip), List.of(), false);
    }

    private static long sum(long[] row) {
        long total = 0;
        for (long count : row) {
            total += count;
        }
        return total;
    }
}
