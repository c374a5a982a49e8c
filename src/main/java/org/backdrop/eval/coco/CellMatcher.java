package org.backdrop.eval.coco;

import java.util.Arrays;
import java.util.List;
import org.backdrop.eval.EvaluationInputException;
import org.backdrop.eval.ScoreOrder;
import org.backdrop.mask.MaskIou;

/**
 * Matches the detections of one image and category to its objects, as pycocotools'
 * {@code evaluateImg} does, for every area range and IoU threshold.
 *
 * <p>Detections go in descending score order (stable), at most the largest maxDets of them. Objects
 * are visited counted ones first and ignored ones (crowd, ignore flag, area outside the range) last,
 * each group in file order. A detection takes the free object with the highest IoU of at least the
 * threshold, and on equal IoU the later object wins. Crowd regions are never used up. Once a
 * detection has a counted match, it does not look at ignored objects. A detection matched to an
 * ignored object, and an unmatched one whose area lies outside the range, is ignored.
 *
 * <p>Only object pairs with an IoU of at least the lowest threshold are kept as candidates, which
 * gives the same matches as visiting every object, because the others can neither match nor stop the
 * search earlier than the next ignored candidate would.
 */
final class CellMatcher {

    private static final double MAX_THRESHOLD = 1 - 1e-10;

    private final EvaluationInput input;
    private final CocoEvalParams params;
    private final MaskGeometry masks;
    private final double lowestThreshold;

    CellMatcher(EvaluationInput input, MaskGeometry masks) {
        this.input = input;
        this.params = input.params;
        this.masks = masks;
        double lowest = MAX_THRESHOLD;
        for (int t = 0; t < params.iouThresholdCount(); t++) {
            lowest = Math.min(lowest, params.iouThreshold(t));
        }
        this.lowestThreshold = lowest;
    }

    /** Matches cell {@code cell} and writes its scores, counts and flags into its slots of {@code table}. */
    void match(int cell, MatchTable table) {
        int objectStart = input.cellObjectStart[cell];
        int objectCount = input.cellObjectEnd[cell] - objectStart;
        int[] ranked = ScoreOrder.descending(input.detectionScores, input.cellDetectionStart[cell], input.cellDetectionEnd[cell]);
        int detectionCount = table.slotCount(cell);
        int firstSlot = table.slotStart[cell];
        for (int d = 0; d < detectionCount; d++) {
            table.scores[firstSlot + d] = input.detectionScores[ranked[d]];
        }
        Candidates candidates = detectionCount > 0 && objectCount > 0
                ? candidates(cell, ranked, detectionCount, objectStart, objectCount)
                : Candidates.none(detectionCount);

        List<AreaRange> ranges = params.areaRanges();
        boolean[][] ignoredByRange = new boolean[ranges.size()][];
        int[][] matchesByRange = new int[ranges.size()][];
        boolean[] outside = new boolean[detectionCount];
        for (int a = 0; a < ranges.size(); a++) {
            AreaRange range = ranges.get(a);
            boolean[] ignored = new boolean[objectCount];
            int counted = 0;
            for (int g = 0; g < objectCount; g++) {
                ignored[g] = input.objectIgnored[objectStart + g] || range.excludes(input.objectAreas[objectStart + g]);
                if (!ignored[g]) {
                    counted++;
                }
            }
            table.nonIgnored[cell * table.areas + a] = counted;
            for (int d = 0; d < detectionCount; d++) {
                outside[d] = range.excludes(input.detectionAreas[ranked[d]]);
            }
            ignoredByRange[a] = ignored;
            matchesByRange[a] = matchesFor(candidates, detectionCount, objectStart, ignored, ignoredByRange, matchesByRange, a);
            writeFlags(table, firstSlot, a, matchesByRange[a], detectionCount, objectStart, ignored, outside);
        }
    }

    /**
     * Returns the matched object of every detection at every IoU threshold for area range a. The
     * matches depend only on which objects the range ignores, so a range that ignores the same objects
     * as an earlier one (often {@code all} and the range that contains every object) reuses its matches.
     */
    private int[] matchesFor(Candidates candidates, int detectionCount, int objectStart, boolean[] ignored, boolean[][] ignoredByRange,
            int[][] matchesByRange, int a) {
        for (int b = 0; b < a; b++) {
            if (Arrays.equals(ignoredByRange[b], ignored)) {
                return matchesByRange[b];
            }
        }
        int thresholds = params.iouThresholdCount();
        int[] matches = new int[thresholds * detectionCount];
        Arrays.fill(matches, -1);
        if (candidates.object.length == 0) {
            return matches;
        }
        boolean[] objectMatched = new boolean[ignored.length];
        for (int t = 0; t < thresholds; t++) {
            Arrays.fill(objectMatched, false);
            double threshold = Math.min(params.iouThreshold(t), MAX_THRESHOLD);
            for (int d = 0; d < detectionCount; d++) {
                int m = bestObject(candidates, d, threshold, objectStart, ignored, objectMatched);
                if (m >= 0) {
                    objectMatched[m] = true;
                    matches[d * thresholds + t] = m;
                }
            }
        }
        return matches;
    }

    private void writeFlags(MatchTable table, int firstSlot, int a, int[] matches, int detectionCount, int objectStart, boolean[] ignored,
            boolean[] outside) {
        int thresholds = params.iouThresholdCount();
        for (int d = 0; d < detectionCount; d++) {
            for (int t = 0; t < thresholds; t++) {
                int m = matches[d * thresholds + t];
                byte flag = 0;
                if (m >= 0) {
                    // pycocotools records the match by annotation id, so a match to id 0 reads as none.
                    if (!(params.pycocotoolsCompatible() && input.objectIdZero[objectStart + m])) {
                        flag |= MatchTable.MATCHED;
                    }
                    if (ignored[m]) {
                        flag |= MatchTable.IGNORED;
                    }
                }
                if ((flag & MatchTable.MATCHED) == 0 && outside[d]) {
                    flag |= MatchTable.IGNORED;
                }
                table.flags[table.flagIndex(firstSlot + d, a, t)] = flag;
            }
        }
    }

    /**
     * Returns the cell-local index of the object that detection d matches at {@code threshold}, or -1.
     * Counted objects are tried first. Ignored objects are tried only when no counted one matched,
     * because pycocotools stops at the first ignored object once it has a counted match.
     */
    private int bestObject(Candidates candidates, int d, double threshold, int objectStart, boolean[] ignored, boolean[] objectMatched) {
        int best = bestObject(candidates, d, threshold, objectStart, ignored, objectMatched, false);
        return best >= 0 ? best : bestObject(candidates, d, threshold, objectStart, ignored, objectMatched, true);
    }

    private int bestObject(Candidates candidates, int d, double threshold, int objectStart, boolean[] ignored, boolean[] objectMatched,
            boolean ignoredPass) {
        int best = -1;
        double bestIou = threshold;
        for (int c = candidates.start[d]; c < candidates.start[d + 1]; c++) {
            int g = candidates.object[c];
            if (ignored[g] != ignoredPass || (objectMatched[g] && !input.objectCrowd[objectStart + g])) {
                continue;
            }
            // Not strictly greater: on equal IoU the later object wins.
            if (candidates.iou[c] >= bestIou) {
                bestIou = candidates.iou[c];
                best = g;
            }
        }
        return best;
    }

    private Candidates candidates(int cell, int[] ranked, int detectionCount, int objectStart, int objectCount) {
        boolean[] crowd = Arrays.copyOfRange(input.objectCrowd, objectStart, objectStart + objectCount);
        double[][] ious = params.iouType() == IouType.BBOX
                ? boxIous(ranked, detectionCount, objectStart, objectCount, crowd)
                : maskIous(cell, ranked, detectionCount, objectStart, objectCount, crowd);

        Candidates.Builder builder = new Candidates.Builder(detectionCount);
        for (int d = 0; d < detectionCount; d++) {
            for (int g = 0; g < objectCount; g++) {
                if (ious[d][g] >= lowestThreshold) {
                    builder.add(g, ious[d][g]);
                }
            }
            builder.endDetection();
        }
        return builder.build();
    }

    private double[][] boxIous(int[] ranked, int detectionCount, int objectStart, int objectCount, boolean[] crowd) {
        double[][] detectionBoxes = new double[detectionCount][];
        for (int d = 0; d < detectionCount; d++) {
            detectionBoxes[d] = Arrays.copyOfRange(input.detectionBoxes, 4 * ranked[d], 4 * ranked[d] + 4);
        }
        double[][] objectBoxes = new double[objectCount][];
        for (int g = 0; g < objectCount; g++) {
            objectBoxes[g] = Arrays.copyOfRange(input.objectBoxes, 4 * (objectStart + g), 4 * (objectStart + g) + 4);
        }
        return MaskIou.boxIou(detectionBoxes, objectBoxes, crowd);
    }

    private double[][] maskIous(int cell, int[] ranked, int detectionCount, int objectStart, int objectCount, boolean[] crowd) {
        InstanceMask[] detectionMasks = new InstanceMask[detectionCount];
        for (int d = 0; d < detectionCount; d++) {
            detectionMasks[d] = input.detectionMasks[ranked[d]];
        }
        InstanceMask[] objectMasks = new InstanceMask[objectCount];
        for (int g = 0; g < objectCount; g++) {
            objectMasks[g] = input.objects[objectStart + g].mask();
        }
        int image = input.cellImage[cell];
        try {
            return masks.iou(detectionMasks, objectMasks, crowd, input.imageHeights[image], input.imageWidths[image]);
        } catch (EvaluationInputException e) {
            throw new EvaluationInputException("image " + input.imageIds[image] + ", category " + input.categoryIds[input.cellCategory[cell]]
                    + ": " + e.getMessage(), e);
        }
    }

    /** Per ranked detection, the objects (cell-local index, ascending) with an IoU of at least the lowest threshold. */
    private record Candidates(int[] start, int[] object, double[] iou) {

        static Candidates none(int detectionCount) {
            return new Candidates(new int[detectionCount + 1], new int[0], new double[0]);
        }

        static final class Builder {
            private final int[] start;
            private int[] object = new int[16];
            private double[] iou = new double[16];
            private int count;
            private int detection;

            Builder(int detectionCount) {
                start = new int[detectionCount + 1];
            }

            void add(int g, double value) {
                if (count == object.length) {
                    object = Arrays.copyOf(object, count * 2);
                    iou = Arrays.copyOf(iou, count * 2);
                }
                object[count] = g;
                iou[count] = value;
                count++;
            }

            void endDetection() {
                start[++detection] = count;
            }

            Candidates build() {
                return new Candidates(start, object, iou);
            }
        }
    }
}
