package org.backdrop.eval.coco;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.file.Path;
import java.util.concurrent.ForkJoinPool;
import org.backdrop.testing.SharedData;
import org.junit.jupiter.api.Test;

/** Matching and accumulation run in parallel; the numbers must not depend on how many threads ran them. */
class CocoThreadCountTest {

    @Test
    void oneAndFourThreadsAgree() throws Exception {
        Path folder = SharedData.reference("coco/medium_200img");
        CocoGroundTruth groundTruth = CocoJsonReader.readGroundTruth(folder.resolve("gt.json"));
        CocoDetections detections = CocoJsonReader.readResults(folder.resolve("dt.json"), true);
        CocoEvalParams params = CocoEvalParams.defaults(IouType.SEGM);

        double[] oneThread = precisions(evaluateIn(new ForkJoinPool(1), groundTruth, detections, params));
        double[] fourThreads = precisions(evaluateIn(new ForkJoinPool(4), groundTruth, detections, params));

        assertArrayEquals(oneThread, fourThreads);
    }

    private static CocoEvaluation evaluateIn(ForkJoinPool pool, CocoGroundTruth groundTruth, CocoDetections detections, CocoEvalParams params)
            throws Exception {
        try {
            return pool.submit(() -> CocoEvaluator.evaluate(groundTruth, detections, params)).get();
        } finally {
            pool.shutdown();
        }
    }

    private static double[] precisions(CocoEvaluation evaluation) {
        int categories = evaluation.categories().size();
        double[] values = new double[10 * 101 * categories * 4 * 3];
        int next = 0;
        for (int t = 0; t < 10; t++) {
            for (int r = 0; r < 101; r++) {
                for (int k = 0; k < categories; k++) {
                    for (int a = 0; a < 4; a++) {
                        for (int m = 0; m < 3; m++) {
                            values[next++] = evaluation.precision(t, r, k, a, m);
                        }
                    }
                }
            }
        }
        return values;
    }
}
