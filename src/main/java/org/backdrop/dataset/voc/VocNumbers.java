package org.backdrop.dataset.voc;

import java.math.BigDecimal;
import java.util.function.DoublePredicate;
import org.backdrop.dataset.BoundingBox;

/**
 * Numbers in VOC files: parsing, writing without a trailing {@code .0}, and box corners that read
 * back to exactly the same {@link BoundingBox}.
 */
final class VocNumbers {

    /** How many neighbouring doubles to try on each side when looking for an exact corner. */
    private static final int SEARCH_STEPS = 8;

    private VocNumbers() {}

    /**
     * Parses a number such as {@code 48}, {@code 191.0} or {@code 107.369}.
     *
     * @throws NumberFormatException if the text is not a finite number
     */
    static double parse(String text) {
        double value = Double.parseDouble(text.strip());
        if (!Double.isFinite(value)) {
            throw new NumberFormatException("'" + text + "' is not a finite number");
        }
        return value;
    }

    /** Formats a number: whole values without a decimal point, others with the digits that parse back to the same double. */
    static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }

    /**
     * Returns VOC's {@code [xmin, ymin, xmax, ymax]} for {@code box}, chosen so that
     * {@link BoundingBox#fromVoc} gives back exactly {@code box}. Converting with
     * {@link BoundingBox#toVoc} alone can be off by one unit in the last place for fractional
     * values, which would then drift with each round trip.
     */
    static double[] corners(BoundingBox box) {
        double[] x = axis(box.x(), box.width());
        double[] y = axis(box.y(), box.height());
        return new double[] {x[0], y[0], x[1], y[1]};
    }

    private static double[] axis(double start, double size) {
        double min = nearest(start + 1, candidate -> candidate - 1 == start);
        double max = nearest(start + size, candidate -> candidate - min + 1 == size);
        return new double[] {min, max};
    }

    private static double nearest(double guess, DoublePredicate exact) {
        double up = guess;
        double down = guess;
        for (int step = 0; step <= SEARCH_STEPS; step++) {
            if (exact.test(up)) {
                return up;
            }
            if (exact.test(down)) {
                return down;
            }
            up = Math.nextUp(up);
            down = Math.nextDown(down);
        }
        return guess;
    }
}
