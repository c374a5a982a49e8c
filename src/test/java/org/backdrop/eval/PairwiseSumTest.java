package org.backdrop.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PairwiseSumTest {

    @Test
    void tenTenthsSumToOne() {
        double[] values = new double[10];
        Arrays.fill(values, 0.1);

        // numpy.sum(numpy.full(10, 0.1)) is 1.0; a running sum gives 0.9999999999999999.
        assertEquals(1.0, PairwiseSum.sum(values, 0, 10));
    }

    @Test
    void largeRangeSplitsLikeNumpy() {
        double[] values = new double[200];
        for (int i = 0; i < values.length; i++) {
            values[i] = 0.1 * (i + 1);
        }

        // numpy.sum of these 200 values is 2010.0; a running sum gives 2010.0000000000002.
        assertEquals(2010.0, PairwiseSum.sum(values, 0, 200));
    }

    @Test
    void emptyRangeSumsToZero() {
        assertEquals(0.0, PairwiseSum.sum(new double[0], 0, 0));
    }

    @Test
    void meanDividesByCount() {
        assertEquals(2.0, PairwiseSum.mean(new double[] {1, 2, 3, 99}, 3));
    }
}
