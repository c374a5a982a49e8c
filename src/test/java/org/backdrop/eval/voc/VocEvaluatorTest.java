package org.backdrop.eval.voc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.backdrop.eval.EvaluationInputException;
import org.junit.jupiter.api.Test;

/** Small cases whose numbers follow by hand from voc_eval's rules; they need no shared data. */
class VocEvaluatorTest {

    private static final double TOLERANCE = 1e-12;

    private static final Map<String, List<VocObject>> ANNOTATIONS = Map.of(
            "a", List.of(new VocObject("dog", 1, 1, 100, 100, false), new VocObject("cat", 200, 200, 249, 249, true)),
            "b", List.of(new VocObject("dog", 11, 11, 60, 60, false)));

    @Test
    void perfectClassElevenPointExceedsOne() {
        List<VocDetection> detections = List.of(new VocDetection("a", 0.9, 1, 1, 100, 100), new VocDetection("b", 0.8, 11, 11, 60, 60));

        VocClassResult result = VocEvaluator.evaluateClass("dog", ANNOTATIONS, detections, 0.5, VocMetric.VOC07_11_POINT);

        // voc_ap adds p/11 eleven times, which rounds to 1 + 2^-52 for p = 1.
        assertEquals(1.0000000000000002, result.ap());
    }

    @Test
    void falsePositiveFirstGivesAreaHalf() {
        List<VocDetection> detections = List.of(new VocDetection("b", 0.9, 300, 300, 340, 340), new VocDetection("b", 0.8, 11, 11, 60, 60));
        Map<String, List<VocObject>> annotations = Map.of("b", List.of(new VocObject("dog", 11, 11, 60, 60, false)));

        VocClassResult result = VocEvaluator.evaluateClass("dog", annotations, detections, 0.5, VocMetric.AREA);

        // Recall goes 0 -> 1 at rank 2 with precision 1/2.
        assertEquals(0.5, result.ap(), TOLERANCE);
        assertEquals(1.0, result.finalRecall());
        assertEquals(0.5, result.finalPrecision());
    }

    @Test
    void classWithoutDetectionsScoresZero() {
        VocClassResult result = VocEvaluator.evaluateClass("dog", ANNOTATIONS, List.of(), 0.5, VocMetric.AREA);

        assertEquals(0.0, result.ap());
        assertEquals(0, result.detections());
        assertEquals(0.0, result.finalRecall());
        assertEquals(0.0, result.finalPrecision());
    }

    @Test
    void onlyDifficultClassLeftOutOfMap() {
        Map<String, List<VocDetection>> detections = Map.of("dog", List.of(new VocDetection("a", 0.9, 1, 1, 100, 100)));

        VocEvaluation evaluation = VocEvaluator.evaluate(ANNOTATIONS, detections, List.of("cat", "dog"), 0.5, VocMetric.AREA);

        assertEquals(List.of("cat"), evaluation.excludedClasses());
        assertTrue(Double.isNaN(evaluation.classes().get("cat").ap()));
        // Only dog counts: one of two objects found at precision 1.
        assertEquals(0.5, evaluation.map(), TOLERANCE);
    }

    @Test
    void detectionOnUnknownImageIsRejected() {
        List<VocDetection> detections = List.of(new VocDetection("zz", 0.9, 1, 1, 10, 10));

        EvaluationInputException error = assertThrows(EvaluationInputException.class,
                () -> VocEvaluator.evaluateClass("dog", ANNOTATIONS, detections, 0.5, VocMetric.AREA));

        assertTrue(error.getMessage().contains("zz"), error.getMessage());
    }

    @Test
    void iouUsesInclusivePixels() {
        VocObject object = new VocObject("dog", 1, 1, 100, 100, false);

        // 100 x 50 pixels inside 100 x 100: exactly one half.
        assertEquals(0.5, VocEvaluator.iou(new VocDetection("a", 1, 1, 1, 100, 50), object));
    }
}
