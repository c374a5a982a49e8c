package org.backdrop.eval.coco;

/**
 * The matching of every cell (one image and one category) in flat arrays, so that half a million
 * matched detections cost a few large arrays rather than many small objects that the garbage
 * collector would copy.
 *
 * <p>Each cell owns a run of slots, one per detection that took part (at most the largest maxDets),
 * in descending score order. Cells are matched in parallel and write only their own slots.
 */
final class MatchTable {

    /** The detection matched an object. */
    static final byte MATCHED = 1;
    /** The detection counts neither as true nor as false positive. */
    static final byte IGNORED = 2;

    final int thresholds;
    final int areas;
    /** First slot of each cell; {@code slotStart[cellCount]} is the number of slots. */
    final int[] slotStart;
    /** Category index of each cell. */
    final int[] cellCategory;
    /** Score of the detection in each slot. */
    final double[] scores;
    /** {@link #MATCHED} and {@link #IGNORED} bits of slot s, area range a, IoU threshold t at {@code (s * areas + a) * thresholds + t}. */
    final byte[] flags;
    /** Objects that count (not crowd, not ignored, area inside the range) of cell c in area range a at {@code c * areas + a}. */
    final int[] nonIgnored;

    MatchTable(EvaluationInput input) {
        CocoEvalParams params = input.params;
        thresholds = params.iouThresholdCount();
        areas = params.areaRanges().size();
        int cells = input.cellCount();
        slotStart = new int[cells + 1];
        for (int c = 0; c < cells; c++) {
            int detections = input.cellDetectionEnd[c] - input.cellDetectionStart[c];
            slotStart[c + 1] = slotStart[c] + Math.min(detections, params.largestMaxDetection());
        }
        cellCategory = input.cellCategory;
        scores = new double[slotStart[cells]];
        flags = new byte[slotStart[cells] * areas * thresholds];
        nonIgnored = new int[cells * areas];
    }

    int cellCount() {
        return cellCategory.length;
    }

    int slotCount(int cell) {
        return slotStart[cell + 1] - slotStart[cell];
    }

    int flagIndex(int slot, int area, int threshold) {
        return (slot * areas + area) * thresholds + threshold;
    }
}
