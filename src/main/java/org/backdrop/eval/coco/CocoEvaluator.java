package org.backdrop.eval.coco;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.backdrop.eval.EvaluationInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * COCO detection evaluation (box or mask AP and AR) that gives the numbers of pycocotools'
 * {@code COCOeval} (cocodataset/cocoapi) bit for bit, with its known faults fixed unless
 * {@link CocoEvalParams#pycocotoolsCompatible()} requests them.
 *
 * <p>Where pycocotools raises, this class decides: an empty detection list evaluates to 0 wherever
 * objects are counted (and -1 elsewhere), and a detection on an image that the ground truth lacks is
 * an error. Images and categories come from the ground truth; detections of other categories are
 * left out. Images are matched in parallel; the result does not depend on the number of threads.
 */
public final class CocoEvaluator {

    private static final Logger LOG = LoggerFactory.getLogger(CocoEvaluator.class);

    private CocoEvaluator() {}

    private static long elapsedMillis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /**
     * Evaluates {@code detections} against {@code groundTruth}.
     *
     * @param detections in file order, which breaks ties between equal scores
     * @throws EvaluationInputException if a detection lies on an image that the ground truth lacks, or
     *     has a non-finite score, a negative box size or neither box nor mask. Also thrown when an object
     *     lacks the box (box IoU) or the mask (mask IoU) that the evaluation needs.
     */
    public static CocoEvaluation evaluate(CocoGroundTruth groundTruth, List<CocoDetection> detections, CocoEvalParams params) {
        return evaluate(groundTruth, CocoDetections.of(detections), params);
    }

    /**
     * Evaluates {@code detections} against {@code groundTruth}.
     *
     * @throws EvaluationInputException as {@link #evaluate(CocoGroundTruth, List, CocoEvalParams)}
     */
    public static CocoEvaluation evaluate(CocoGroundTruth groundTruth, CocoDetections detections, CocoEvalParams params) {
        long start = System.nanoTime();
        MaskGeometry masks = new MaskGeometry();
        EvaluationInput input = EvaluationInput.prepare(groundTruth, detections, params, masks);
        LOG.debug("Grouped {} objects and {} detections into {} image-category cells in {} ms",
                input.objects.length, input.detectionScores.length, input.cellCount(), elapsedMillis(start));

        start = System.nanoTime();
        CellMatcher matcher = new CellMatcher(input, masks);
        MatchTable table = new MatchTable(input);
        IntStream.range(0, input.cellCount()).parallel().forEach(cell -> matcher.match(cell, table));
        LOG.debug("Matched {} cells in {} ms", input.cellCount(), elapsedMillis(start));

        start = System.nanoTime();
        Accumulator arrays = Accumulator.accumulate(params, input.categoryCount(), table);
        LOG.debug("Accumulated {} categories in {} ms", input.categoryCount(), elapsedMillis(start));
        List<CocoCategory> categories = new ArrayList<>(input.categoryCount());
        for (int k = 0; k < input.categoryCount(); k++) {
            categories.add(new CocoCategory(input.categoryIds[k], input.categoryNames[k]));
        }
        return new CocoEvaluation(params, categories, arrays);
    }
}
