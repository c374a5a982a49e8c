package org.backdrop.mask;

import java.util.Arrays;

/**
 * A binary mask in COCO's run-length encoding: pixels in column-major order (down each column, then
 * the next column), runs alternating between background and foreground and starting with background,
 * so a mask whose first pixel is foreground starts with a run of length 0.
 *
 * <p>Instances are immutable; {@link #counts()} returns a copy.
 */
public final class Rle {

    private final int height;
    private final int width;
    private final int[] counts;

    /**
     * Creates a mask from its runs.
     *
     * @throws IllegalArgumentException if a size or count is negative or the counts do not sum to
     *     {@code height * width}
     */
    public Rle(int height, int width, int[] counts) {
        if (height < 0 || width < 0) {
            throw new IllegalArgumentException("invalid RLE size " + height + "x" + width + ": height and width must not be negative");
        }
        long sum = 0;
        for (int count : counts) {
            if (count < 0) {
                throw new IllegalArgumentException("invalid RLE: negative count " + count);
            }
            sum += count;
        }
        if (sum != (long) height * width) {
            throw new IllegalArgumentException(
                    "invalid RLE: counts sum to " + sum + " but height x width is " + height + " x " + width + " = " + (long) height * width);
        }
        this.height = height;
        this.width = width;
        this.counts = counts.clone();
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    /** Returns a copy of the runs. */
    public int[] counts() {
        return counts.clone();
    }

    /** Returns the number of runs without copying them. */
    public int runCount() {
        return counts.length;
    }

    /** Returns run {@code index} without copying the runs. */
    public int run(int index) {
        return counts[index];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Rle that && that.height == height && that.width == width && Arrays.equals(that.counts, counts);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * height + width) + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "Rle[" + height + "x" + width + ", counts=" + Arrays.toString(counts) + "]";
    }
}
