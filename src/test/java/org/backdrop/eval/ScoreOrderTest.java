package org.backdrop.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class ScoreOrderTest {

    @Test
    void equalScoresKeepInputOrder() {
        double[] scores = {0.5, 0.9, 0.5, 0.9, 0.1};

        assertArrayEquals(new int[] {1, 3, 0, 2, 4}, ScoreOrder.descending(scores, 0, 5));
    }

    @Test
    void rangeReturnsAbsoluteIndices() {
        double[] scores = {0.0, 0.2, 0.3, 0.2};

        assertArrayEquals(new int[] {2, 1, 3}, ScoreOrder.descending(scores, 1, 4));
    }

    @Test
    void longInputStaysStable() {
        double[] scores = new double[100];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = (i % 3) / 2.0;
        }
        int[] expected = new int[100];
        int next = 0;
        for (int remainder = 2; remainder >= 0; remainder--) {
            for (int i = 0; i < scores.length; i++) {
                if (i % 3 == remainder) {
                    expected[next++] = i;
                }
            }
        }

        assertArrayEquals(expected, ScoreOrder.descending(scores, 0, 100));
    }

    @Test
    void negativeZeroEqualsZero() {
        assertArrayEquals(new int[] {0, 1}, ScoreOrder.descending(new double[] {0.0, -0.0}, 0, 2));
        assertArrayEquals(new int[] {0, 1}, ScoreOrder.descending(new double[] {-0.0, 0.0}, 0, 2));
    }
}
