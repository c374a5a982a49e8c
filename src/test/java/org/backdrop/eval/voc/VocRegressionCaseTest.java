package org.backdrop.eval.voc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.backdrop.testing.SharedData;
import org.junit.jupiter.api.Test;

/**
 * Regression cases on VOC's quiet rules: difficult objects, greedy matching to the best-overlap object
 * and IoU strictly above 0.5 with inclusive pixel boxes. Expected values are voc_eval's, with its
 * precision and recall lists checked by hand.
 */
class VocRegressionCaseTest {

    private static final double TOLERANCE = 1e-12;

    private static VocClassResult evaluate(String devkit, VocMetric metric) throws IOException {
        Path folder = SharedData.regressionCase("CV-19/" + devkit);
        List<String> imageIds = VocAnnotationReader.readImageSet(folder.resolve("ImageSets/Main/test.txt"));
        Map<String, List<VocObject>> annotations = VocAnnotationReader.readAll(folder.resolve("Annotations"), imageIds);
        Map<String, List<VocDetection>> detections = VocDetectionReader.readFolder(folder.resolve("results"));
        return VocEvaluator.evaluateClass("cat", annotations, detections.get("cat"), 0.5, metric);
    }

    @Test
    void difficultObjectCountsNeitherWay() throws IOException {
        VocClassResult result = evaluate("v1_difficult", VocMetric.VOC07_11_POINT);

        assertEquals(4, result.positives());
        assertArrayEquals(new double[] {0.25, 0.25, 0.25, 0.25, 0.5, 0.75}, result.recall(), TOLERANCE);
        assertArrayEquals(new double[] {1.0, 1.0, 0.5, 1.0 / 3, 0.5, 0.6}, result.precision(), TOLERANCE);
        assertEquals(6.0 / 11, result.ap(), TOLERANCE);
    }

    @Test
    void difficultObjectAreaAp() throws IOException {
        assertEquals(0.55, evaluate("v1_difficult", VocMetric.AREA).ap(), TOLERANCE);
    }

    @Test
    void bestOverlapTakenIsFalsePositive() throws IOException {
        assertEquals(6.0 / 11, evaluate("v2_greedy_match", VocMetric.VOC07_11_POINT).ap(), TOLERANCE);
        assertEquals(0.5, evaluate("v2_greedy_match", VocMetric.AREA).ap(), TOLERANCE);
    }

    @Test
    void iouOfExactlyHalfMisses() throws IOException {
        assertEquals(0.0, evaluate("v3_iou_exactly_half", VocMetric.VOC07_11_POINT).ap());
        assertEquals(0.0, evaluate("v3_iou_exactly_half", VocMetric.AREA).ap());
    }
}
