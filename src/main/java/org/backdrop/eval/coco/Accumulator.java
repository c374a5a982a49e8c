package org.backdrop.eval.coco;

import java.util.Arrays;
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
    static Accumulator accumulate(CocoEvalParams params, int categories, MatchTable table) {
        int[] cellsPerCategory = new int[categories + 1];
        for (int cell = 0; cell < table.cellCount(); cell++) {
            cellsPerCategory[table.cellCategory[cell] + 1]++;
        }
        for (int k = 0; k < categories; k++) {
            cellsPerCategory[k + 1] += cellsPerCategory[k];
        }
        int[] cellsByCategory = new int[table.cellCount()];
        int[] next = Arrays.copyOf(cellsPerCategory, categories);
        for (int cell = 0; cell < table.cellCount(); cell++) {
            cellsByCategory[next[table.cellCategory[cell]]++] = cell;
        }

        Accumulator accumulator = new Accumulator(params, categories);
        IntStream.range(0, categories).parallel().forEach(k -> accumulator.accumulateCategory(
                k, table, Arrays.copyOfRange(cellsByCategory, cellsPerCategory[k], cellsPerCategory[k + 1])));
        return accumulator;
    }

    int precisionIndex(int t, int r, int k, int a, int m) {
        return (((t * recallPoints + r) * categories + k) * areas + a) * maxDetCount + m;
    }

    int recallIndex(int t, int k, int a, int m) {
        return ((t * categories + k) * areas + a) * maxDetCount + m;
    }

    private void accumulateCategory(int k, MatchTable table, int[] cells) {
        if (cells.length == 0) {
            return;
        }
        Ranking ranking = Ranking.of(table, cells);
        int total = ranking.scores.length;
        int[] counted = new int[areas];
        for (int cell : cells) {
            for (int a = 0; a < areas; a++) {
                counted[a] += table.nonIgnored[cell * areas + a];
            }
        }
        byte[][] flags = ranking.flags(table);

        int[][] truePositiveRank = new int[thresholds][total];
        double[][] truePositivePrecision = new double[thresholds][total];
        int[] selected = new int[total];
        int largerCount = -1;
        for (int m = maxDetCount - 1; m >= 0; m--) {
            int count = ranking.select(params.maxDetection(m), selected);
            if (count == largerCount) {
                // No image has more detections of this category than maxDets m: the next larger maxDets has the same numbers.
                copyMaxDetResults(k, m + 1, m);
                continue;
            }
            largerCount = count;
            for (int a = 0; a < areas; a++) {
                if (counted[a] == 0) {
                    continue;
                }
                int[] truePositives = countTruePositives(flags[a], selected, count, truePositiveRank, truePositivePrecision);
                for (int t = 0; t < thresholds; t++) {
                    double tp = truePositives[t];
                    recall[recallIndex(t, k, a, m)] = count > 0 ? tp / counted[a] : 0;
                    double[] precisions = truePositivePrecision[t];
                    for (int q = truePositives[t] - 1; q > 0; q--) {
                        if (precisions[q] > precisions[q - 1]) {
                            precisions[q - 1] = precisions[q];
                        }
                    }
                    int firstRank = count > 0 ? selected[0] : -1;
                    samplePrecision(t, k, a, m, counted[a], firstRank, truePositives[t], truePositiveRank[t], precisions, ranking.scores);
                }
            }
        }
    }

    private void copyMaxDetResults(int k, int from, int to) {
        for (int t = 0; t < thresholds; t++) {
            for (int a = 0; a < areas; a++) {
                recall[recallIndex(t, k, a, to)] = recall[recallIndex(t, k, a, from)];
                for (int r = 0; r < recallPoints; r++) {
                    precision[precisionIndex(t, r, k, a, to)] = precision[precisionIndex(t, r, k, a, from)];
                    scores[precisionIndex(t, r, k, a, to)] = scores[precisionIndex(t, r, k, a, from)];
                }
            }
        }
    }

    /**
     * Walks the selected ranks once for all IoU thresholds and records, per threshold, the rank and
     * precision {@code tp / (fp + tp + eps)} at each true positive. Returns the number of true positives
     * per threshold.
     */
    private int[] countTruePositives(byte[] flags, int[] selected, int count, int[][] truePositiveRank, double[][] truePositivePrecision) {
        double[] tp = new double[thresholds];
        double[] fp = new double[thresholds];
        int[] truePositives = new int[thresholds];
        for (int index = 0; index < count; index++) {
            int i = selected[index];
            int base = i * thresholds;
            for (int t = 0; t < thresholds; t++) {
                byte flag = flags[base + t];
                if ((flag & MatchTable.IGNORED) != 0) {
                    continue;
                }
                if ((flag & MatchTable.MATCHED) != 0) {
                    tp[t]++;
                    truePositiveRank[t][truePositives[t]] = i;
                    truePositivePrecision[t][truePositives[t]] = tp[t] / (fp[t] + tp[t] + EPSILON);
                    truePositives[t]++;
                } else {
                    fp[t]++;
                }
            }
        }
        return truePositives;
    }

    /**
     * Samples interpolated precision at each recall threshold. Recall rises only at true positives and
     * precision falls at every other rank, so the non-increasing envelope at the first rank reaching a
     * positive threshold is the running maximum over the true positives from there on. Threshold 0 is
     * reached at the first rank, where the envelope is the maximum over all true positives.
     */
    private void samplePrecision(int t, int k, int a, int m, int counted, int firstRank, int truePositives, int[] truePositiveRank,
            double[] truePositivePrecision, double[] rankedScores) {
        int r = 0;
        int q = 0;
        for (; r < recallPoints && firstRank >= 0; r++) {
            double threshold = params.recallThreshold(r);
            int index = precisionIndex(t, r, k, a, m);
            if (threshold <= 0) {
                precision[index] = truePositives > 0 ? truePositivePrecision[0] : 0;
                scores[index] = rankedScores[firstRank];
                continue;
            }
            while (q < truePositives && (q + 1.0) / counted < threshold) {
                q++;
            }
            if (q == truePositives) {
                break;
            }
            precision[index] = truePositivePrecision[q];
            scores[index] = rankedScores[truePositiveRank[q]];
        }
        for (; r < recallPoints; r++) {
            precision[precisionIndex(t, r, k, a, m)] = 0;
            scores[precisionIndex(t, r, k, a, m)] = 0;
        }
    }

    /**
     * The detections of one category over all images, ranked by descending score (stable).
     *
     * @param scores the scores in ranked order
     * @param slots the match table slot of each ranked detection
     * @param rankInCell each ranked detection's rank within its own image
     */
    private record Ranking(double[] scores, int[] slots, int[] rankInCell) {

        static Ranking of(MatchTable table, int[] cells) {
            int total = 0;
            for (int cell : cells) {
                total += table.slotCount(cell);
            }
            double[] allScores = new double[total];
            int[] slotOf = new int[total];
            int[] rankOf = new int[total];
            int position = 0;
            for (int cell : cells) {
                for (int d = 0; d < table.slotCount(cell); d++) {
                    int slot = table.slotStart[cell] + d;
                    allScores[position] = table.scores[slot];
                    slotOf[position] = slot;
                    rankOf[position] = d;
                    position++;
                }
            }

            int[] order = ScoreOrder.descending(allScores, 0, total);
            double[] rankedScores = new double[total];
            int[] rankedSlots = new int[total];
            int[] rankedInCell = new int[total];
            for (int i = 0; i < total; i++) {
                rankedScores[i] = allScores[order[i]];
                rankedSlots[i] = slotOf[order[i]];
                rankedInCell[i] = rankOf[order[i]];
            }
            return new Ranking(rankedScores, rankedSlots, rankedInCell);
        }

        /** Returns per area range the flags in ranked order, at {@code [i * thresholds + t]}. */
        byte[][] flags(MatchTable table) {
            int total = scores.length;
            byte[][] ranked = new byte[table.areas][table.thresholds * total];
            for (int i = 0; i < total; i++) {
                for (int a = 0; a < table.areas; a++) {
                    System.arraycopy(table.flags, table.flagIndex(slots[i], a, 0), ranked[a], i * table.thresholds, table.thresholds);
                }
            }
            return ranked;
        }

        /** Writes the ranks among the top {@code maxDet} of their image into {@code selected}; returns how many. */
        int select(int maxDet, int[] selected) {
            int count = 0;
            for (int i = 0; i < rankInCell.length; i++) {
                if (rankInCell[i] < maxDet) {
                    selected[count++] = i;
                }
            }
            return count;
        }
    }
}
