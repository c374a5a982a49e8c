package org.backdrop.eval.coco;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.backdrop.eval.EvaluationInputException;
import org.backdrop.mask.PolygonSegmentation;
import org.backdrop.mask.Polygons;
import org.junit.jupiter.api.Test;

/** Small cases whose numbers follow by hand from COCO's definitions; they need no shared data. */
class CocoEvaluatorTest {

    private static final double TOLERANCE = 1e-12;

    private static CocoGroundTruth groundTruth(GroundTruthObject... objects) {
        return new CocoGroundTruth(List.of(new CocoImage(1, 200, 200), new CocoImage(2, 200, 200)), List.of(new CocoCategory(1, "cat")), List.of(objects));
    }

    private static GroundTruthObject object(long id, double x, double y, double width, double height, boolean crowd) {
        return new GroundTruthObject(id, 1, 1, new double[] {x, y, width, height}, width * height, crowd, false, null);
    }

    private static CocoDetection detection(double score, double x, double y, double width, double height) {
        return new CocoDetection(1, 1, score, new double[] {x, y, width, height}, null);
    }

    private static CocoSummary summarize(CocoGroundTruth groundTruth, CocoDetection... detections) {
        return CocoEvaluator.evaluate(groundTruth, List.of(detections), CocoEvalParams.defaults(IouType.BBOX)).summary();
    }

    @Test
    void falsePositiveRankedFirstHalvesAp() {
        CocoSummary summary = summarize(groundTruth(object(1, 10, 10, 50, 50, false)),
                detection(0.9, 100, 100, 50, 50),
                detection(0.8, 10, 10, 50, 50));

        // Recall 1 is reached at rank 2 with precision 1/2, so every recall threshold samples 0.5.
        assertEquals(0.5, summary.stat("AP"), TOLERANCE);
        assertEquals(0.0, summary.stat("AR1"), TOLERANCE);
        assertEquals(1.0, summary.stat("AR10"), TOLERANCE);
    }

    @Test
    void equalIouGoesToLaterObject() {
        // The first detection overlaps both objects by 80/120; the second covers only the first object.
        CocoSummary summary = summarize(groundTruth(object(1, 0, 0, 10, 10, false), object(2, 4, 0, 10, 10, false)),
                detection(0.9, 2, 0, 10, 10),
                detection(0.8, 0, 0, 10, 10));

        // The first detection takes object 2, which leaves object 1 to the second: both are found.
        assertEquals(1.0, summary.stat("AP50"), TOLERANCE);
    }

    @Test
    void crowdRegionAbsorbsDetections() {
        CocoSummary summary = summarize(groundTruth(object(1, 0, 0, 10, 10, false), object(2, 50, 50, 100, 100, true)),
                detection(0.95, 60, 60, 10, 10),
                detection(0.9, 0, 0, 10, 10),
                detection(0.7, 80, 80, 10, 10));

        // Detections inside the crowd are neither true nor false positives.
        assertEquals(1.0, summary.stat("AP"), TOLERANCE);
    }

    @Test
    void emptyDetectionsGiveZeroWhereObjectsCount() {
        CocoSummary summary = summarize(groundTruth(object(1, 10, 10, 50, 50, false)));

        assertEquals(0.0, summary.stat("AP"));
        assertEquals(0.0, summary.stat("APm"));
        assertEquals(-1.0, summary.stat("APs"));
        assertEquals(-1.0, summary.stat("APl"));
        assertEquals(0.0, summary.stat("AR100"));
    }

    @Test
    void unknownImageIsRejected() {
        CocoDetection elsewhere = new CocoDetection(7, 1, 0.5, new double[] {0, 0, 1, 1}, null);

        EvaluationInputException error = assertThrows(EvaluationInputException.class,
                () -> summarize(groundTruth(object(1, 10, 10, 50, 50, false)), elsewhere));

        assertTrue(error.getMessage().contains("image_id 7"), error.getMessage());
    }

    @Test
    void singlePerfectMatchKeepsEpsilon() {
        CocoSummary summary = summarize(groundTruth(object(1, 10, 10, 50, 50, false)), detection(0.9, 10, 10, 50, 50));

        // pycocotools divides by tp + fp + 2.220446049250313e-16, so one true positive gives 1 - 2^-52.
        assertEquals(0.9999999999999998, summary.stat("AP"));
    }

    @Test
    void summaryLineMatchesPycocotools() {
        CocoSummary summary = summarize(groundTruth(object(1, 10, 10, 50, 50, false)), detection(0.9, 10, 10, 50, 50));

        assertEquals(" Average Precision  (AP) @[ IoU=0.50:0.95 | area=   all | maxDets=100 ] = 1.000", summary.lines().get(0));
        assertEquals(" Average Precision  (AP) @[ IoU=0.50:0.95 | area= small | maxDets=100 ] = -1.000", summary.lines().get(3));
        assertEquals(" Average Recall     (AR) @[ IoU=0.50:0.95 | area=   all | maxDets=  1 ] = 1.000", summary.lines().get(6));
    }

    @Test
    void recallThresholdsMatchNumpyLinspace() {
        double[] thresholds = CocoEvalParams.defaults(IouType.BBOX).recallThresholds();

        assertEquals(0.5700000000000001, thresholds[57]);
        assertEquals(1.0, thresholds[100]);
    }

    @Test
    void iouThresholdsMatchNumpyLinspace() {
        double[] thresholds = CocoEvalParams.defaults(IouType.BBOX).iouThresholds();

        assertEquals(0.8999999999999999, thresholds[8]);
        assertEquals(0.95, thresholds[9]);
    }

    @Test
    void maskOfOtherSizeNamesImage() {
        GroundTruthObject square = new GroundTruthObject(1, 1, 1, new double[] {10, 10, 50, 50}, 2500, false, false,
                new InstanceMask.Shape(new PolygonSegmentation(List.of(new double[] {10, 10, 60, 10, 60, 60, 10, 60}))));
        String counts = Polygons.rasterize(new double[] {10, 10, 60, 10, 60, 60, 10, 60}, 100, 100).toCompressedString();
        CocoDetection detection = new CocoDetection(1, 1, 0.9, null, new InstanceMask.Compressed(100, 100, counts));

        EvaluationInputException error = assertThrows(EvaluationInputException.class,
                () -> CocoEvaluator.evaluate(groundTruth(square), List.of(detection), CocoEvalParams.defaults(IouType.SEGM)));

        assertTrue(error.getMessage().contains("image 1"), error.getMessage());
    }
}
