package org.backdrop.eval.coco;

/**
 * The matching of one image and one category, for every area range and IoU threshold.
 *
 * @param category the category's index among the sorted category ids
 * @param scores the scores of the detections that took part, highest first (at most the largest
 *     maxDets)
 * @param nonIgnoredObjects per area range, the number of objects that count (not crowd, not ignored,
 *     area inside the range)
 * @param flags per area range, {@link #MATCHED} and {@link #IGNORED} bits at {@code [d * T + t]}
 *     for ranked detection d and IoU threshold t of T
 */
record CellResult(int category, double[] scores, int[] nonIgnoredObjects, byte[][] flags) {

    /** The detection matched an object. */
    static final byte MATCHED = 1;
    /** The detection counts neither as true nor as false positive. */
    static final byte IGNORED = 2;

    int detectionCount() {
        return scores.length;
    }
}
