package org.backdrop.eval.coco;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.backdrop.mask.MaskIou;
import org.backdrop.testing.SharedData;
import org.junit.jupiter.api.Test;

/**
 * Regression cases from faults reported against other COCO evaluators. Expected values come from each
 * case's expected.json (pycocotools or a hand calculation), allowing 1e-12 where the reference states
 * an ideal value such as 1.0 that pycocotools reaches only up to its precision epsilon.
 */
class CocoRegressionCaseTest {

    private static final double TOLERANCE = 1e-12;
    /** Precision 1 up to recall 0.5 and 0 beyond: 51 of the 101 recall thresholds, printed as 0.505. */
    private static final double HALF_RECALL_AP = 51.0 / 101;

    private static CocoEvaluation evaluate(String folder, String groundTruth, String detections, UnaryOperator<CocoEvalParams> settings)
            throws IOException {
        Path gt = SharedData.regressionCase(folder + "/" + groundTruth);
        Path dt = SharedData.regressionCase(folder + "/" + detections);
        return CocoEvaluator.evaluate(
                CocoJsonReader.readGroundTruth(gt), CocoJsonReader.readResults(dt, false), settings.apply(CocoEvalParams.defaults(IouType.BBOX)));
    }

    private static CocoSummary summarize(String folder, String groundTruth, String detections) throws IOException {
        return evaluate(folder, groundTruth, detections, UnaryOperator.identity()).summary();
    }

    private static Map<Long, Double> apByCategory(CocoEvaluation evaluation) {
        return evaluation.perCategory().stream().collect(Collectors.toMap(CategoryResult::id, CategoryResult::ap));
    }

    @Test
    void maxDetsWithoutHundredKeepsAp() throws IOException {
        CocoSummary summary = evaluate("CV-12", "gt.json", "dets.json", p -> p.withMaxDetections(new int[] {1, 10, 50})).summary();

        assertEquals(1.0, summary.stat("AP"), TOLERANCE);
        assertEquals(50, summary.maxDets()[0]);
        assertEquals(1.0, summary.stat("AP50"), TOLERANCE);
        assertEquals(1.0, summary.stat("AP75"), TOLERANCE);
        assertEquals(1.0, summary.stat("AR100"), TOLERANCE);
        assertEquals(50, summary.maxDets()[8]);
    }

    @Test
    void maxDetsWithoutHundredCompatGivesMinusOne() throws IOException {
        CocoSummary summary = evaluate("CV-12", "gt.json", "dets.json",
                p -> p.withMaxDetections(new int[] {1, 10, 50}).withPycocotoolsCompatible(true)).summary();

        assertEquals(-1.0, summary.stat("AP"));
        assertEquals(1.0, summary.stat("AP50"), TOLERANCE);
    }

    @Test
    void categoryWithoutObjectsIsLeftOut() throws IOException {
        CocoEvaluation evaluation = evaluate("CV-13", "a_gt_two_classes.json", "a_dets.json", UnaryOperator.identity());
        Map<Long, Double> ap = apByCategory(evaluation);

        assertEquals(1.0, ap.get(1L), TOLERANCE);
        assertEquals(-1.0, ap.get(2L));
        assertEquals(1.0, evaluation.summary().stat("AP"), TOLERANCE);
    }

    @Test
    void noObjectsGivesMinusOneEverywhere() throws IOException {
        double[] stats = summarize("CV-13", "b_gt_no_annotations.json", "b_dets.json").stats();

        double[] expected = new double[12];
        java.util.Arrays.fill(expected, -1.0);
        assertArrayEquals(expected, stats);
    }

    @Test
    void undetectedImageHalvesRecall() throws IOException {
        CocoSummary summary = summarize("CV-13", "c_gt_two_images.json", "c_dets.json");

        assertEquals(HALF_RECALL_AP, summary.stat("AP"), TOLERANCE);
        assertEquals(0.5, summary.stat("AR100"), TOLERANCE);
    }

    @Test
    void emptyImageListedFirstChangesNothing() throws IOException {
        CocoSummary summary = summarize("CV-13", "c_gt_plus_empty_image_first.json", "c_dets.json");

        assertEquals(HALF_RECALL_AP, summary.stat("AP"), TOLERANCE);
        assertEquals(0.5, summary.stat("AR100"), TOLERANCE);
    }

    @Test
    void falsePositiveOnEmptyImageAboveCounts() throws IOException {
        CocoSummary summary = summarize("CV-13", "d_gt_one_image_with_object_one_without.json", "d_dets_fp_on_empty_image_scores_higher.json");

        assertEquals(0.5, summary.stat("AP"), TOLERANCE);
        assertEquals(1.0, summary.stat("AR100"), TOLERANCE);
    }

    @Test
    void falsePositiveOnEmptyImageBelowIsHarmless() throws IOException {
        CocoSummary summary = summarize("CV-13", "d_gt_one_image_with_object_one_without.json", "d_dets_fp_on_empty_image_scores_lower.json");

        assertEquals(1.0, summary.stat("AP"), TOLERANCE);
    }

    @Test
    void crowdRegionIgnoresDetectionsInside() throws IOException {
        CocoSummary summary = summarize("CV-15", "gt_crowd.json", "dets_crowd.json");

        assertEquals(1.0, summary.stat("AP"), TOLERANCE);
        assertEquals(1.0, summary.stat("AP50"), TOLERANCE);
        assertEquals(0.0, summary.stat("AR1"));
        assertEquals(1.0, summary.stat("AR10"), TOLERANCE);
    }

    @Test
    void crowdIouDividesByDetectionArea() {
        double[] inside = {55, 55, 10, 10};
        double[] crowd = {50, 50, 50, 50};

        assertEquals(1.0, MaskIou.boxIou(new double[][] {inside}, new double[][] {crowd}, new boolean[] {true})[0][0]);
        // Without the crowd rule: 100 / (100 + 2500 - 100).
        assertEquals(0.04, MaskIou.boxIou(new double[][] {inside}, new double[][] {crowd}, new boolean[] {false})[0][0], TOLERANCE);
    }

    @Test
    void ignoreFieldAloneHasNoEffect() throws IOException {
        CocoSummary summary = summarize("CV-15", "gt_ignore.json", "dets_ignore.json");

        assertEquals(HALF_RECALL_AP, summary.stat("AP"), TOLERANCE);
        assertEquals(0.5, summary.stat("AR100"), TOLERANCE);
    }

    @Test
    void ignoreFieldHonouredOnRequest() throws IOException {
        CocoSummary summary = evaluate("CV-15", "gt_ignore.json", "dets_ignore.json", p -> p.withHonourIgnoreFlag(true)).summary();

        assertEquals(1.0, summary.stat("AP"), TOLERANCE);
        assertEquals(1.0, summary.stat("AR100"), TOLERANCE);
    }

    @Test
    void singleCustomThresholdLeavesAp50Undefined() throws IOException {
        CocoSummary summary = evaluate("CV-17", "gt.json", "dets.json", p -> p.withIouThresholds(new double[] {0.2})).summary();

        assertEquals(1.0, summary.stat("AP"), TOLERANCE);
        assertEquals(-1.0, summary.stat("AP50"));
        assertEquals(-1.0, summary.stat("AP75"));
    }

    @Test
    void twoCustomThresholdsAverage() throws IOException {
        CocoSummary summary = evaluate("CV-17", "gt.json", "dets.json", p -> p.withIouThresholds(new double[] {0.2, 0.3})).summary();

        assertEquals(0.5, summary.stat("AP"), TOLERANCE);
    }

    @Test
    void defaultThresholdsMissQuarterOverlap() throws IOException {
        assertEquals(0.0, summarize("CV-17", "gt.json", "dets.json").stat("AP"));
    }

    @Test
    void duplicatesMatchPerThreshold() throws IOException {
        CocoSummary summary = summarize("CV-18", "gt.json", "dets.json");

        assertEquals(0.6, summary.stat("AP"), TOLERANCE);
        assertEquals(1.0, summary.stat("AP50"), TOLERANCE);
        assertEquals(0.5, summary.stat("AP75"), TOLERANCE);
        assertEquals(0.6, summary.stat("APl"), TOLERANCE);
        assertEquals(0.3, summary.stat("AR1"), TOLERANCE);
        assertEquals(0.9, summary.stat("AR10"), TOLERANCE);
        assertEquals(0.9, summary.stat("AR100"), TOLERANCE);
    }

    @Test
    void categoryIdsKeptAsGiven() throws IOException {
        CocoEvaluation evaluation = evaluate("CV-21", "coco_noncontiguous_ids.json", "dets.json", UnaryOperator.identity());
        Map<Long, Double> ap = apByCategory(evaluation);

        assertEquals(List.of(0L, 1L, 3L), evaluation.categories().stream().map(CocoCategory::id).toList());
        assertEquals(List.of("cat", "dog", "bird"), evaluation.categories().stream().map(CocoCategory::name).toList());
        assertEquals(1.0, ap.get(0L), TOLERANCE);
        assertEquals(1.0, ap.get(1L), TOLERANCE);
        assertEquals(0.0, ap.get(3L));
        // The reference gives the mean as 0.6667, rounded to four decimals.
        assertEquals(0.6667, evaluation.summary().stat("AP"), 5e-5);
    }
}
