package org.backdrop.eval.coco;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.backdrop.eval.PairwiseSum;

/**
 * The result of a COCO evaluation: pycocotools' {@code eval['precision']} [T,R,K,A,M],
 * {@code eval['recall']} [T,K,A,M] and {@code eval['scores']} [T,R,K,A,M] arrays, where T indexes the
 * IoU thresholds, R the recall thresholds, K the categories sorted by id, A the area ranges and M the
 * maxDets (ascending). Entries are -1 where the category and area range have no counted object.
 *
 * <p>Averages are taken as {@code numpy.mean} takes them: over the entries above -1, in C order,
 * summed pairwise; -1 when there are none.
 */
public final class CocoEvaluation {

    private static final int COCO_MAX_DETS = 100;

    private final CocoEvalParams params;
    private final List<CocoCategory> categories;
    private final Accumulator arrays;

    CocoEvaluation(CocoEvalParams params, List<CocoCategory> categories, Accumulator arrays) {
        this.params = params;
        this.categories = List.copyOf(categories);
        this.arrays = arrays;
    }

    /** Returns the settings the evaluation ran with. */
    public CocoEvalParams params() {
        return params;
    }

    /** Returns the categories sorted by id; position k is index k of the arrays. */
    public List<CocoCategory> categories() {
        return categories;
    }

    /** Returns interpolated precision at IoU threshold t, recall threshold r, category k, area range a, maxDets m; -1 where undefined. */
    public double precision(int t, int r, int k, int a, int m) {
        return arrays.precision[arrays.precisionIndex(t, r, k, a, m)];
    }

    /** Returns the final recall at IoU threshold t, category k, area range a, maxDets m; -1 where undefined. */
    public double recall(int t, int k, int a, int m) {
        return arrays.recall[arrays.recallIndex(t, k, a, m)];
    }

    /** Returns the score of the detection where precision was sampled; 0 past the final recall, -1 where undefined. */
    public double score(int t, int r, int k, int a, int m) {
        return arrays.scores[arrays.precisionIndex(t, r, k, a, m)];
    }

    /**
     * Returns the 12 summary numbers. As in pycocotools, AP50, AP75, the area-range numbers and AR100
     * are taken at the third maxDets, and AR1 and AR10 at the first and second. With fewer than three
     * maxDets, the last one is used instead. The first AP is taken at maxDets 100 when that is present and at
     * the largest maxDets otherwise; pycocotools reports -1 in that case, and so does this method when
     * {@link CocoEvalParams#pycocotoolsCompatible()} is set. AP50 and AP75 are -1 when 0.5 or 0.75 is not
     * among the IoU thresholds.
     */
    public CocoSummary summary() {
        double[] stats = new double[12];
        int[] maxDets = new int[12];
        List<String> lines = new ArrayList<>(12);
        int third = summaryMaxDet(2);
        addStat(stats, maxDets, lines, 0, true, null, "all", firstApMaxDet());
        addStat(stats, maxDets, lines, 1, true, 0.5, "all", third);
        addStat(stats, maxDets, lines, 2, true, 0.75, "all", third);
        addStat(stats, maxDets, lines, 3, true, null, "small", third);
        addStat(stats, maxDets, lines, 4, true, null, "medium", third);
        addStat(stats, maxDets, lines, 5, true, null, "large", third);
        addStat(stats, maxDets, lines, 6, false, null, "all", summaryMaxDet(0));
        addStat(stats, maxDets, lines, 7, false, null, "all", summaryMaxDet(1));
        addStat(stats, maxDets, lines, 8, false, null, "all", third);
        addStat(stats, maxDets, lines, 9, false, null, "small", third);
        addStat(stats, maxDets, lines, 10, false, null, "medium", third);
        addStat(stats, maxDets, lines, 11, false, null, "large", third);
        return new CocoSummary(stats, maxDets, lines);
    }

    /**
     * Returns AP, AP50, AP75 and AR100 of every category, for area range {@code all}, at the maxDets
     * of the summary's first AP and AR100.
     */
    public List<CategoryResult> perCategory() {
        int all = areaIndex("all");
        int apMaxDet = maxDetIndex(firstApMaxDet());
        int arMaxDet = maxDetIndex(summaryMaxDet(2));
        List<CategoryResult> results = new ArrayList<>(categories.size());
        for (int k = 0; k < categories.size(); k++) {
            CocoCategory category = categories.get(k);
            results.add(new CategoryResult(
                    category.id(),
                    category.name(),
                    average(true, allThresholds(), k, all, apMaxDet),
                    average(true, thresholdsEqualTo(0.5), k, all, apMaxDet),
                    average(true, thresholdsEqualTo(0.75), k, all, apMaxDet),
                    average(false, allThresholds(), k, all, arMaxDet)));
        }
        return results;
    }

    /**
     * Returns the precision-recall curve at IoU threshold {@code iouThreshold}, area range {@code all} and
     * the largest maxDets: for each of {@link CocoEvalParams#recallThresholds()}, the interpolated
     * precision of category index {@code category}, or the mean over the categories with counted objects
     * when {@code category} is -1. The mean of the curve over the recall thresholds is the AP at that IoU
     * threshold (AP50 at 0.5 when 100 is the largest maxDets).
     *
     * @return one precision (0 to 1) per recall threshold, -1 where no category has a counted object
     * @throws IllegalArgumentException if {@code iouThreshold} is not one of the evaluation's thresholds,
     *     or {@code category} is neither -1 nor a category index
     */
    public double[] precisionRecallCurve(double iouThreshold, int category) {
        int[] thresholds = thresholdsEqualTo(iouThreshold);
        if (thresholds.length == 0) {
            throw new IllegalArgumentException("IoU threshold " + iouThreshold + " is not among the evaluated thresholds "
                    + Arrays.toString(params.iouThresholds()));
        }
        if (category < -1 || category >= categories.size()) {
            throw new IllegalArgumentException("category index " + category + " is outside 0 to " + (categories.size() - 1) + " (or -1 for all)");
        }
        int area = areaIndex("all");
        int maxDet = maxDetIndex(params.largestMaxDetection());
        int firstCategory = category < 0 ? 0 : category;
        int endCategory = category < 0 ? categories.size() : category + 1;
        double[] curve = new double[params.recallThresholdCount()];
        double[] values = new double[endCategory - firstCategory];
        for (int r = 0; r < curve.length; r++) {
            int count = 0;
            for (int k = firstCategory; k < endCategory; k++) {
                double value = area < 0 ? -1 : precision(thresholds[0], r, k, area, maxDet);
                if (value > -1) {
                    values[count++] = value;
                }
            }
            curve[r] = count == 0 ? -1 : PairwiseSum.mean(values, count);
        }
        return curve;
    }

    /**
     * Returns the mean of the defined precision (or recall) entries at the given IoU threshold indices,
     * area range index and maxDets index, over all categories when {@code category} is -1; -1 when no
     * entry is defined or an index is -1.
     */
    double average(boolean precision, int[] thresholdIndices, int category, int area, int maxDet) {
        if (area < 0 || maxDet < 0) {
            return -1;
        }
        int recallPoints = precision ? params.recallThresholdCount() : 1;
        int firstCategory = category < 0 ? 0 : category;
        int endCategory = category < 0 ? categories.size() : category + 1;
        double[] values = new double[thresholdIndices.length * recallPoints * (endCategory - firstCategory)];
        int count = 0;
        for (int t : thresholdIndices) {
            for (int r = 0; r < recallPoints; r++) {
                for (int k = firstCategory; k < endCategory; k++) {
                    double value = precision ? precision(t, r, k, area, maxDet) : recall(t, k, area, maxDet);
                    if (value > -1) {
                        values[count++] = value;
                    }
                }
            }
        }
        return count == 0 ? -1 : PairwiseSum.mean(values, count);
    }

    private void addStat(double[] stats, int[] maxDets, List<String> lines, int index, boolean precision, Double iouThreshold, String area, int maxDet) {
        int[] thresholds = iouThreshold == null ? allThresholds() : thresholdsEqualTo(iouThreshold);
        double value = average(precision, thresholds, -1, areaIndex(area), maxDetIndex(maxDet));
        stats[index] = value;
        maxDets[index] = maxDet;
        String iou = iouThreshold == null
                ? CocoSummary.fixed(params.iouThreshold(0), 2) + ":" + CocoSummary.fixed(params.iouThreshold(params.iouThresholdCount() - 1), 2)
                : CocoSummary.fixed(iouThreshold, 2);
        lines.add(CocoSummary.line(precision, iou, area, maxDet, value));
    }

    private int firstApMaxDet() {
        if (params.pycocotoolsCompatible() || maxDetIndex(COCO_MAX_DETS) >= 0) {
            return COCO_MAX_DETS;
        }
        return params.largestMaxDetection();
    }

    private int summaryMaxDet(int position) {
        return params.maxDetection(Math.min(position, params.maxDetectionCount() - 1));
    }

    private int maxDetIndex(int maxDet) {
        for (int m = 0; m < params.maxDetectionCount(); m++) {
            if (params.maxDetection(m) == maxDet) {
                return m;
            }
        }
        return -1;
    }

    private int areaIndex(String label) {
        List<AreaRange> ranges = params.areaRanges();
        for (int a = 0; a < ranges.size(); a++) {
            if (ranges.get(a).label().equals(label)) {
                return a;
            }
        }
        return -1;
    }

    private int[] allThresholds() {
        int[] all = new int[params.iouThresholdCount()];
        for (int t = 0; t < all.length; t++) {
            all[t] = t;
        }
        return all;
    }

    private int[] thresholdsEqualTo(double threshold) {
        int count = 0;
        int[] matching = new int[params.iouThresholdCount()];
        for (int t = 0; t < params.iouThresholdCount(); t++) {
            if (params.iouThreshold(t) == threshold) {
                matching[count++] = t;
            }
        }
        return java.util.Arrays.copyOf(matching, count);
    }
}
