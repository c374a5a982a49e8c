package org.backdrop.eval;

/**
 * Ranks detections by descending score with a stable sort, as {@code numpy.argsort(-scores,
 * kind='mergesort')} does: equal scores keep their input order. Scores compare with {@code <}, so
 * {@code -0.0} equals {@code 0.0}; NaN scores are not supported.
 */
public final class ScoreOrder {

    private static final int INSERTION_SORT_MAX = 24;

    private ScoreOrder() {}

    /**
     * Returns the indices {@code from} to {@code to - 1} of {@code scores}, highest score first; equal
     * scores keep ascending index order. Returns an empty array when {@code from == to}.
     */
    public static int[] descending(double[] scores, int from, int to) {
        int count = to - from;
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = from + i;
        }
        if (count > 1) {
            sort(scores, order, new int[count], 0, count);
        }
        return order;
    }

    private static void sort(double[] scores, int[] order, int[] buffer, int from, int to) {
        if (to - from <= INSERTION_SORT_MAX) {
            insertionSort(scores, order, from, to);
            return;
        }
        int middle = (from + to) >>> 1;
        sort(scores, order, buffer, from, middle);
        sort(scores, order, buffer, middle, to);
        if (!(scores[order[middle]] > scores[order[middle - 1]])) {
            return;
        }
        System.arraycopy(order, from, buffer, from, to - from);
        int left = from;
        int right = middle;
        for (int out = from; out < to; out++) {
            if (right < to && (left >= middle || scores[buffer[right]] > scores[buffer[left]])) {
                order[out] = buffer[right++];
            } else {
                order[out] = buffer[left++];
            }
        }
    }

    private static void insertionSort(double[] scores, int[] order, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            int index = order[i];
            double score = scores[index];
            int j = i - 1;
            while (j >= from && score > scores[order[j]]) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = index;
        }
    }
}
