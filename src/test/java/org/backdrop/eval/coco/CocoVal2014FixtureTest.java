package org.backdrop.eval.coco;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.backdrop.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The first 100 images of COCO val2014 with the fake detections that cocoapi ships, against the
 * numbers that pycocotools gives for them (as faster-coco-eval's tests record them).
 */
class CocoVal2014FixtureTest {

    private static final double TOLERANCE = 1e-12;
    private static final String FOLDER = "coco/val2014_first100_eval/";

    @Test
    void boxStatsEqualReference() throws IOException {
        checkStats("bbox", IouType.BBOX);
    }

    @Test
    void maskStatsEqualReference() throws IOException {
        checkStats("segm", IouType.SEGM);
    }

    @Test
    void precisionCurveAveragesToAp50() throws IOException {
        JsonNode expected = new ObjectMapper().readTree(SharedData.fixture(FOLDER + "expected_stats.json").toFile());
        Path groundTruth = SharedData.fixture(FOLDER + "instances_val2014_100.json");
        Path results = SharedData.fixture(FOLDER + expected.get("bbox").get("results_file").asText());
        CocoEvaluation evaluation = CocoEvaluator.evaluate(CocoJsonReader.readGroundTruth(groundTruth),
                CocoJsonReader.readResults(results, false), CocoEvalParams.defaults(IouType.BBOX));

        double[] curve = evaluation.precisionRecallCurve(0.5, -1);

        // Every category with objects has a precision at every recall threshold, so the mean of the
        // per-threshold means is pycocotools' AP50.
        assertEquals(101, curve.length);
        double sum = 0;
        for (double precision : curve) {
            sum += precision;
        }
        assertEquals(expected.get("bbox").get("stats").get("AP@.50|all|100").asDouble(), sum / curve.length, 1e-9);
        assertTrue(curve[0] >= curve[100], "interpolated precision does not rise with recall");
    }

    private static void checkStats(String block, IouType type) throws IOException {
        JsonNode expected = new ObjectMapper().readTree(SharedData.fixture(FOLDER + "expected_stats.json").toFile());
        Path groundTruth = SharedData.fixture(FOLDER + "instances_val2014_100.json");
        Path results = SharedData.fixture(FOLDER + expected.get(block).get("results_file").asText());

        CocoSummary summary = CocoEvaluator.evaluate(
                        CocoJsonReader.readGroundTruth(groundTruth),
                        CocoJsonReader.readResults(results, type == IouType.SEGM),
                        CocoEvalParams.defaults(type))
                .summary();

        JsonNode keys = expected.get("keys");
        JsonNode stats = expected.get(block).get("stats");
        List<Executable> checks = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String key = keys.get(i).asText();
            double actual = summary.stats()[i];
            checks.add(() -> assertEquals(stats.get(key).asDouble(), actual, TOLERANCE, key));
        }
        assertAll(checks);
    }
}
