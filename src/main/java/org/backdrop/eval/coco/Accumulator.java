package org.backdrop.eval.coco;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.backdrop.eval.ScoreOrder;

/**
 * Turns per-cell matches into precision, recall and score arrays, as pycocotools' {@code accumulate}
 * does: per category, area range and maxDets, the top detections of every image are ranked together
 * by descending score (stable, images in ascending id order), precision is {@code tp / (tp + fp +
 * 2.220446049250313e-16)}, made non-increasing from the end and sampled at the first rank whose
 * recall reaches each recall threshold (0 past the final recall). Entries stay -1 where the category
 * and area range have no counted object.
 */
final class Accumulator {

    /** {@code numpy.spacing(1)}, which pycocotools adds to the denominator of precision. */
    private static final double EPSILON = Math.ulp(1.0);

    private final CocoEvalParams params;
    private final int thresholds;
    private final int recallPoints;
    private final int categories;
    private final int areas;
    private final int maxDetCount;

    final double[] precision;
    final double[] recall;
    final double[] scores;

    private Accumulator(CocoEvalParams params, int categories) {
        this.params = params;
        this.thresholds = params.iouThresholdCount();
        this.recallPoints = params.recallThresholdCount();
        this.categories = categories;
        this.areas = params.areaRanges().size();
        this.maxDetCount = params.maxDetectionCount();
        precision = new double[thresholds * recallPoints * categories * areas * maxDetCount];
        recall = new double[thresholds * categories * areas * maxDetCount];
        scores = new double[precision.length];
        Arrays.fill(precision, -1);
        Arrays.fill(recall, -1);
        Arrays.fill(scores, -1);
    }

    /** Accumulates the cells (in image-major order) of every category, categories in parallel. */
    static Accumulator accumulate(CocoEvalParams params, int categories, CellResult[] cells) {
        List<List<CellResult>> byCategory = new ArrayList<>(categories);
        for (int k = 0; k < categories; k++) {
            byCategory.add(new ArrayList<>());
        }
        for (CellResult cell : cells) {
            byCategory.get(cell.category()).add(cell);
        }
        Accumulator accumulator = new Accumulator(params, categories);
        IntStream.range(0, categories).parallel().forEach(k -> accumulator.accumulateCategory(k, byCategory.get(k)));
        return accumulator;
    }

    int precisionIndex(int t, int r, int k, int a, int m) {
        return (((t * recallPoints + r) * categories + k) * areas + a) * maxDetCount + m;
    }

    int recallIndex(int t, int k, int a, int m) {
        return ((t * categories + k) * areas + a) * maxDetCount + m;
    }

    private void accumulateCategory(int k, List<CellResult> cells) {
        if (cells.isEmpty()) {
            return;
        }
        int total = 0;
        for (CellResult cell : cells) {
            total += cell.detectionCount();
        }
        double[] allScores = new double[total];
        int[] cellOf = new int[total];
        int[] rankInCell = new int[total];
        int position = 0;
        for (int c = 0; c < cells.size(); c++) {
            double[] cellScores = cells.get(c).scores();
            for (int d = 0; d < cellScores.length; d++) {
                allScores[position] = cellScores[d];
                cellOf[position] = c;
                rankInCell[position] = d;
                position++;
            }
        }
        int[] order = ScoreOrder.descending(allScores, 0, total);

        double[] rc = new double[total];
        double[] pr = new double[total];
        int[] selected = new int[total];
        for (int m = 0; m < maxDetCount; m++) {
            int maxDet = params.maxDetection(m);
            int count = 0;
            for (int p : order) {
                if (rankInCell[p] < maxDet) {
                    selected[count++] = p;
                }
            }
            for (int a = 0; a < areas; a++) {
                int counted = 0;
                for (CellResult cell : cells) {
                    counted += cell.nonIgnoredObjects()[a];
                }
                if (counted == 0) {
                    continue;
                }
                for (int t = 0; t < thresholds; t++) {
                    double tp = 0;
                    double fp = 0;
                    for (int i = 0; i < count; i++) {
                        int p = selected[i];
                        CellResult cell = cells.get(cellOf[p]);
                        byte flag = cell.flags()[a][t * cell.detectionCount() + rankInCell[p]];
                        if ((flag & CellResult.IGNORED) == 0) {
                            if ((flag & CellResult.MATCHED) != 0) {
                                tp++;
                            } else {
                                fp++;
                            }
                        }
                        rc[i] = tp / counted;
                        pr[i] = tp / (fp + tp + EPSILON);
                    }
                    recall[recallIndex(t, k, a, m)] = count > 0 ? rc[count - 1] : 0;
                    for (int i = count - 1; i > 0; i--) {
                        if (pr[i] > pr[i - 1]) {
                            pr[i - 1] = pr[i];
                        }
                    }
                    samplePrecision(t, k, a, m, rc, pr, count, allScores, selected);
                }
            }
        }
    }

    private void samplePrecision(int t, int k, int a, int m, double[] rc, double[] pr, int count, double[] allScores, int[] selected) {
        int r = 0;
        for (; r < recallPoints; r++) {
            int rank = firstReaching(rc, count, params.recallThreshold(r));
            if (rank >= count) {
                break;
            }
            precision[precisionIndex(t, r, k, a, m)] = pr[rank];
            scores[precisionIndex(t, r, k, a, m)] = allScores[selected[rank]];
        }
        for (; r < recallPoints; r++) {
            precision[precisionIndex(t, r, k, a, m)] = 0;
            scores[precisionIndex(t, r, k, a, m)] = 0;
        }
    }

    /** Returns the first index whose recall is at least {@code threshold} ({@code numpy.searchsorted}, side left). */
    private static int firstReaching(double[] rc, int count, double threshold) {
        int low = 0;
        int high = count;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (rc[middle] < threshold) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
