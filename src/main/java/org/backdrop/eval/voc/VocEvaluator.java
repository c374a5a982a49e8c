package org.backdrop.eval.voc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.backdrop.eval.EvaluationInputException;
import org.backdrop.eval.PairwiseSum;
import org.backdrop.eval.ScoreOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PASCAL VOC detection AP as py-faster-rcnn's {@code voc_eval} computes it (the usual Python
 * stand-in for the VOC devkit).
 *
 * <p>Detections of a class go in descending score order. Each one looks only at the object of its
 * class with the highest IoU in its image (the first one on equal IoU). IoU uses inclusive pixel
 * boxes ({@code width = xmax - xmin + 1}) and a match needs IoU strictly above the threshold. A
 * match to a difficult object counts neither way; a match to an object already taken, or no match,
 * is a false positive. Precision is {@code tp / max(tp + fp, 2^-52)} and recall {@code tp / npos},
 * where npos counts the objects that are not difficult.
 *
 * <p>Where {@code voc_eval} fails, this class decides. A class with objects but no detections has AP
 * 0. A class without an object that counts has AP NaN and is left out of mAP with a warning.
 * Coordinates may be fractional. Equal scores keep the order of the input; {@code voc_eval} sorts with
 * numpy's unstable quicksort, so its order for them is not defined.
 */
public final class VocEvaluator {

    private static final Logger LOG = LoggerFactory.getLogger(VocEvaluator.class);

    /** {@code numpy.finfo(numpy.float64).eps}, the smallest denominator of precision. */
    private static final double EPSILON = Math.ulp(1.0);
    private static final int ELEVEN_POINTS = 11;

    private VocEvaluator() {}

    /**
     * Evaluates several classes and takes the mean AP over those with an object that counts.
     *
     * @param annotations the objects of every image of the image set, by image id; an image without
     *     objects maps to an empty list
     * @param detectionsByClass detections by class name; a class without an entry has no detections
     * @param classNames the classes to evaluate, in the order mAP sums them; null for the classes of the
     *     annotations and the detections, sorted by name
     * @param iouThreshold the IoU that a match must exceed, 0.5 in VOC
     * @throws EvaluationInputException if a detection lies on an image that is not in
     *     {@code annotations}
     */
    public static VocEvaluation evaluate(
            Map<String, List<VocObject>> annotations,
            Map<String, List<VocDetection>> detectionsByClass,
            Collection<String> classNames,
            double iouThreshold,
            VocMetric metric) {
        Collection<String> classes = classNames != null ? classNames : classesOf(annotations, detectionsByClass);
        Map<String, VocClassResult> results = new LinkedHashMap<>();
        List<String> excluded = new ArrayList<>();
        double[] aps = new double[classes.size()];
        int counted = 0;
        for (String className : classes) {
            VocClassResult result = evaluateClass(className, annotations, detectionsByClass.getOrDefault(className, List.of()), iouThreshold, metric);
            results.put(className, result);
            if (result.hasPositives()) {
                aps[counted++] = result.ap();
            } else {
                excluded.add(className);
                LOG.warn("Class {} has no object that is not difficult; its AP is undefined and mAP leaves it out", className);
            }
        }
        double map = counted == 0 ? Double.NaN : PairwiseSum.mean(aps, counted);
        return new VocEvaluation(results, map, excluded);
    }

    /**
     * Evaluates one class.
     *
     * @param annotations the objects of every image of the image set, by image id
     * @param detections the class's detections, in file order
     * @param iouThreshold the IoU that a match must exceed, 0.5 in VOC
     * @throws EvaluationInputException if a detection lies on an image that is not in
     *     {@code annotations}
     */
    public static VocClassResult evaluateClass(
            String className, Map<String, List<VocObject>> annotations, List<VocDetection> detections, double iouThreshold, VocMetric metric) {
        Map<String, List<VocObject>> objectsByImage = new HashMap<>();
        int positives = 0;
        for (Map.Entry<String, List<VocObject>> image : annotations.entrySet()) {
            List<VocObject> ofClass = new ArrayList<>();
            for (VocObject object : image.getValue()) {
                if (object.className().equals(className)) {
                    ofClass.add(object);
                    if (!object.difficult()) {
                        positives++;
                    }
                }
            }
            objectsByImage.put(image.getKey(), ofClass);
        }

        double[] scores = new double[detections.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = detections.get(i).score();
        }
        int[] ranked = ScoreOrder.descending(scores, 0, scores.length);

        Map<String, boolean[]> taken = new HashMap<>();
        double[] recall = new double[ranked.length];
        double[] precision = new double[ranked.length];
        double tp = 0;
        double fp = 0;
        for (int rank = 0; rank < ranked.length; rank++) {
            VocDetection detection = detections.get(ranked[rank]);
            List<VocObject> objects = objectsByImage.get(detection.imageId());
            if (objects == null) {
                throw new EvaluationInputException("a detection of class " + className + " lies on image " + detection.imageId()
                        + ", which is not in the image set; remove it or add the image to the image set");
            }
            boolean[] imageTaken = taken.computeIfAbsent(detection.imageId(), id -> new boolean[objects.size()]);
            switch (judge(detection, objects, imageTaken, iouThreshold)) {
                case TRUE_POSITIVE -> tp++;
                case FALSE_POSITIVE -> fp++;
                case DIFFICULT -> { }
            }
            recall[rank] = tp / positives;
            precision[rank] = tp / Math.max(tp + fp, EPSILON);
        }
        double ap = positives == 0 ? Double.NaN : averagePrecision(recall, precision, metric);
        return new VocClassResult(className, ap, detections.size(), positives, recall, precision);
    }

    private enum Outcome {
        TRUE_POSITIVE,
        FALSE_POSITIVE,
        DIFFICULT
    }

    private static Outcome judge(VocDetection detection, List<VocObject> objects, boolean[] taken, double iouThreshold) {
        double best = Double.NEGATIVE_INFINITY;
        int bestIndex = -1;
        for (int j = 0; j < objects.size(); j++) {
            double overlap = iou(detection, objects.get(j));
            if (overlap > best || bestIndex < 0) {
                best = overlap;
                bestIndex = j;
            }
        }
        if (!(best > iouThreshold)) {
            return Outcome.FALSE_POSITIVE;
        }
        if (objects.get(bestIndex).difficult()) {
            return Outcome.DIFFICULT;
        }
        if (taken[bestIndex]) {
            return Outcome.FALSE_POSITIVE;
        }
        taken[bestIndex] = true;
        return Outcome.TRUE_POSITIVE;
    }

    /** Returns the IoU of inclusive pixel boxes, as {@code voc_eval} computes it. */
    static double iou(VocDetection detection, VocObject object) {
        double width = Math.max(Math.min(object.xmax(), detection.xmax()) - Math.max(object.xmin(), detection.xmin()) + 1.0, 0.0);
        double height = Math.max(Math.min(object.ymax(), detection.ymax()) - Math.max(object.ymin(), detection.ymin()) + 1.0, 0.0);
        double intersection = width * height;
        double union = (detection.xmax() - detection.xmin() + 1.0) * (detection.ymax() - detection.ymin() + 1.0)
                + (object.xmax() - object.xmin() + 1.0) * (object.ymax() - object.ymin() + 1.0)
                - intersection;
        return intersection / union;
    }

    /**
     * Returns AP from a recall/precision curve, as {@code voc_ap} computes it.
     *
     * <p>The 11-point metric visits {@code t = i * 0.1} for i = 0 … 10 (the values of
     * {@code numpy.arange(0., 1.1, 0.1)}, so the fourth is 0.30000000000000004) and adds {@code p / 11}
     * one point at a time. The area metric pads the curve with recall 0 and 1 and precision 0, makes
     * precision non-increasing from the end and sums Δrecall × precision pairwise, as {@code numpy.sum}
     * does. An empty curve gives 0.
     */
    public static double averagePrecision(double[] recall, double[] precision, VocMetric metric) {
        if (metric == VocMetric.VOC07_11_POINT) {
            double ap = 0.0;
            for (int i = 0; i < ELEVEN_POINTS; i++) {
                double threshold = i * 0.1;
                double best = 0;
                for (int k = 0; k < recall.length; k++) {
                    if (recall[k] >= threshold && precision[k] > best) {
                        best = precision[k];
                    }
                }
                ap = ap + best / 11.0;
            }
            return ap;
        }

        int n = recall.length;
        double[] paddedRecall = new double[n + 2];
        double[] paddedPrecision = new double[n + 2];
        System.arraycopy(recall, 0, paddedRecall, 1, n);
        System.arraycopy(precision, 0, paddedPrecision, 1, n);
        paddedRecall[n + 1] = 1.0;
        for (int i = n; i >= 0; i--) {
            paddedPrecision[i] = Math.max(paddedPrecision[i], paddedPrecision[i + 1]);
        }

        double[] terms = new double[n + 1];
        int count = 0;
        for (int i = 0; i <= n; i++) {
            if (paddedRecall[i + 1] != paddedRecall[i]) {
                terms[count++] = (paddedRecall[i + 1] - paddedRecall[i]) * paddedPrecision[i + 1];
            }
        }
        return PairwiseSum.sum(terms, 0, count);
    }

    private static Collection<String> classesOf(Map<String, List<VocObject>> annotations, Map<String, List<VocDetection>> detectionsByClass) {
        TreeSet<String> names = new TreeSet<>(detectionsByClass.keySet());
        for (List<VocObject> objects : annotations.values()) {
            for (VocObject object : objects) {
                names.add(object.className());
            }
        }
        return names;
    }
}
