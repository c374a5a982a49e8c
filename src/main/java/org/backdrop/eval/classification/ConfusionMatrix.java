package org.backdrop.eval.classification;

import java.util.Arrays;

/** Counts of (true class, predicted class) pairs; rows are true classes, columns predicted classes. Immutable. */
public final class ConfusionMatrix {

    private final long[][] counts;

    ConfusionMatrix(long[][] counts) {
        this.counts = new long[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            this.counts[i] = counts[i].clone();
        }
    }

    /**
     * Returns the matrix of {@code counts}, {@code [trueLabel][predictedLabel]}, such as one read back from a
     * command's JSON result.
     *
     * @throws IllegalArgumentException when the counts are not square or one is negative
     */
    public static ConfusionMatrix of(long[][] counts) {
        for (long[] row : counts) {
            if (row.length != counts.length) {
                throw new IllegalArgumentException("a confusion matrix needs as many columns as rows (" + counts.length + "), got a row of " + row.length);
            }
            for (long count : row) {
                if (count < 0) {
                    throw new IllegalArgumentException("a confusion matrix count cannot be negative, got " + count);
                }
            }
        }
        return new ConfusionMatrix(counts);
    }

    /** Returns the number of classes, the size of each side. */
    public int classCount() {
        return counts.length;
    }

    /** Returns how many samples of class {@code trueLabel} were predicted as {@code predictedLabel}. */
    public long count(int trueLabel, int predictedLabel) {
        return counts[trueLabel][predictedLabel];
    }

    /** Returns a copy of the counts, {@code [trueLabel][predictedLabel]}. */
    public long[][] toArray() {
        long[][] copy = new long[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            copy[i] = counts[i].clone();
        }
        return copy;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConfusionMatrix matrix && Arrays.deepEquals(counts, matrix.counts);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(counts);
    }

    @Override
    public String toString() {
        return "ConfusionMatrix" + Arrays.deepToString(counts);
    }
}
