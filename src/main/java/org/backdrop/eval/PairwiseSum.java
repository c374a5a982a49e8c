package org.backdrop.eval;

/**
 * Sums doubles in the order that numpy 1.24's {@code add.reduce} uses for a contiguous float64 array
 * (the numpy of the reference runs that Backdrop's metrics are checked against), so that sums and
 * means equal numpy's to the last bit.
 *
 * <p>numpy reduces the array in buffers of 8192 values, adding each buffer's sum to a running total
 * that starts at 0. Within a buffer it sums pairwise: fewer than 8 values in a plain loop, up to 128
 * values in 8 interleaved accumulators joined as {@code ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7))} followed
 * by the remainder, and larger ranges as two halves (the first a multiple of 8 long) summed
 * recursively. A plain running sum can differ from this in the last bit.
 *
 * <p>NOTE: numpy 2.4 sums a contiguous array without the 8192-value buffers, so for more than 8192
 * values its last bit can differ from numpy 1.24's and from this class.
 */
public final class PairwiseSum {

    private static final int BUFFER_SIZE = 8192;
    private static final int BLOCK_SIZE = 128;
    private static final int LANES = 8;

    private PairwiseSum() {}

    /** Returns the sum of {@code values[from]} to {@code values[from + count - 1]}; 0 when {@code count} is 0. */
    public static double sum(double[] values, int from, int count) {
        double total = 0.0;
        for (int start = from; start < from + count; start += BUFFER_SIZE) {
            total += pairwise(values, start, Math.min(BUFFER_SIZE, from + count - start));
        }
        return total;
    }

    private static double pairwise(double[] values, int from, int count) {
        if (count < LANES) {
            double sum = 0.0;
            for (int i = from; i < from + count; i++) {
                sum += values[i];
            }
            return sum;
        }
        if (count <= BLOCK_SIZE) {
            return blockSum(values, from, count);
        }
        int half = count / 2;
        half -= half % LANES;
        return pairwise(values, from, half) + pairwise(values, from + half, count - half);
    }

    /** Returns the mean of the first {@code count} values as {@code numpy.mean} computes it; NaN when {@code count} is 0. */
    public static double mean(double[] values, int count) {
        return sum(values, 0, count) / count;
    }

    private static double blockSum(double[] values, int from, int count) {
        double[] lanes = new double[LANES];
        System.arraycopy(values, from, lanes, 0, LANES);
        int end = from + count - count % LANES;
        int i = from + LANES;
        for (; i < end; i += LANES) {
            for (int lane = 0; lane < LANES; lane++) {
                lanes[lane] += values[i + lane];
            }
        }
        double sum = ((lanes[0] + lanes[1]) + (lanes[2] + lanes[3])) + ((lanes[4] + lanes[5]) + (lanes[6] + lanes[7]));
        for (; i < from + count; i++) {
            sum += values[i];
        }
        return sum;
    }
}
