package org.backdrop.eval.classification;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClassificationMetricsTest {

    /** Right: s1, s3, s5. Class 0 has s1, s2, s5 (2 right), class 1 has s3 (right), class 2 has s4 (wrong). */
    private static final List<Prediction> FIVE = List.of(
            new Prediction("s1", 0, 0),
            new Prediction("s2", 0, 1),
            new Prediction("s3", 1, 1),
            new Prediction("s4", 2, 0),
            new Prediction("s5", 0, 0));

    @Test
    void accuracyCountsRight() {
        ClassificationReport report = ClassificationMetrics.evaluate(FIVE, 3);

        assertEquals(5, report.sampleCount());
        assertEquals(3, report.correctCount());
        assertEquals(0.6, report.accuracy(), 1e-12);
    }

    @Test
    void perClassAccuracyIsRecall() {
        List<Double> perClass = ClassificationMetrics.evaluate(FIVE, 4).perClassAccuracy();

        assertEquals(2.0 / 3, perClass.get(0), 1e-12);
        assertEquals(1.0, perClass.get(1), 1e-12);
        assertEquals(0.0, perClass.get(2), 1e-12);
        assertTrue(perClass.get(3).isNaN());
    }

    @Test
    void confusionRowsAreTrueClasses() {
        ConfusionMatrix confusion = ClassificationMetrics.evaluate(FIVE, 3).confusion();

        assertArrayEquals(new long[][] {{2, 1, 0}, {0, 1, 0}, {1, 0, 0}}, confusion.toArray());
        assertEquals(1, confusion.count(2, 0));
    }

    @Test
    void emptyPredictionsRejected() {
        assertThrows(IllegalArgumentException.class, () -> ClassificationMetrics.evaluate(List.of(), 3));
    }

    @Test
    void labelOutOfRangeNamesSample() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ClassificationMetrics.evaluate(List.of(new Prediction("cat/7.png", 3, 0)), 3));

        assertEquals("sample \"cat/7.png\" has the label 3, outside the 3 classes 0 to 2", error.getMessage());
    }

    @Test
    void duplicateSampleRejected() {
        List<Prediction> twice = List.of(new Prediction("s1", 0, 0), new Prediction("s1", 0, 1));

        assertThrows(IllegalArgumentException.class, () -> ClassificationMetrics.evaluate(twice, 2));
    }

    @Test
    void variantDropAndFlips() {
        // Paired ids a, b, c, d: the original gets a, b, d right (0.75), the variant b and c (0.5).
        List<Prediction> original = List.of(
                new Prediction("a", 0, 0), new Prediction("b", 1, 1), new Prediction("c", 1, 0), new Prediction("d", 2, 2));
        List<Prediction> variant = List.of(
                new Prediction("a", 0, 2), new Prediction("b", 1, 1), new Prediction("c", 1, 1), new Prediction("d", 2, 0),
                new Prediction("e", 0, 0));

        VariantComparison comparison = ClassificationMetrics.compare(original, variant);

        assertEquals(4, comparison.pairedSamples());
        assertEquals(0.75, comparison.originalAccuracy(), 1e-12);
        assertEquals(0.5, comparison.variantAccuracy(), 1e-12);
        assertEquals(0.25, comparison.accuracyDrop(), 1e-12);
        assertEquals(List.of("a", "d"), comparison.flips());
    }

    @Test
    void unrelatedVariantRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> ClassificationMetrics.compare(List.of(new Prediction("a", 0, 0)), List.of(new Prediction("b", 0, 0))));
    }

    @Test
    void backgroundGapIsSameMinusRand() {
        ClassificationReport mixedSame = ClassificationMetrics.evaluate(List.of(
                new Prediction("1", 0, 0), new Prediction("2", 0, 0), new Prediction("3", 1, 1), new Prediction("4", 1, 1), new Prediction("5", 1, 0)), 2);
        ClassificationReport mixedRand = ClassificationMetrics.evaluate(FIVE, 3);

        BackgroundGap gap = BackgroundGap.of(mixedSame, mixedRand);

        assertEquals(0.8, gap.mixedSameAccuracy(), 1e-12);
        assertEquals(0.6, gap.mixedRandAccuracy(), 1e-12);
        assertEquals(0.2, gap.gap(), 1e-12);
    }

    @Test
    void worstGroupHasLowestAccuracy() {
        Map<String, String> groups = Map.of("s1", "landbird on land", "s2", "waterbird on land", "s3", "waterbird on land", "s4", "landbird on land");
        List<Prediction> predictions = List.of(
                new Prediction("s1", 0, 0), new Prediction("s2", 1, 0), new Prediction("s3", 1, 1), new Prediction("s4", 0, 0),
                new Prediction("s5", 1, 0));

        WorstGroup result = ClassificationMetrics.worstGroup(predictions, groups);

        assertEquals(List.of(new GroupAccuracy("landbird on land", 2, 2, 1.0), new GroupAccuracy("waterbird on land", 2, 1, 0.5)), result.groups());
        assertEquals("waterbird on land", result.worst().group());
        assertEquals(0.5, result.worst().accuracy(), 1e-12);
    }

    @Test
    void ungroupedPredictionsRejected() {
        assertThrows(IllegalArgumentException.class, () -> ClassificationMetrics.worstGroup(FIVE, Map.of("x", "g")));
    }
}
