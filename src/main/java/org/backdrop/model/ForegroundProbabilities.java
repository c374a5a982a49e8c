package org.backdrop.model;

import java.util.Arrays;

/**
 * A segmentation model's per-pixel foreground probability at the original image size.
 *
 * @param width the width in pixels
 * @param height the height in pixels
 * @param values {@code width * height} probabilities from 0 to 1, row by row ({@code values[y * width + x]});
 *     the array is copied on the way in and out
 */
public record ForegroundProbabilities(int width, int height, float[] values) {

    /** Copies {@code values} and checks its length. */
    public ForegroundProbabilities {
        if (width < 0 || height < 0 || values.length != (long) width * height) {
            throw new IllegalArgumentException("probability map of " + width + "x" + height + " needs " + (long) width * height
                    + " values, got " + values.length);
        }
        values = values.clone();
    }

    /** Returns a copy of the probabilities. */
    @Override
    public float[] values() {
        return values.clone();
    }

    /**
     * Returns the mask of the pixels whose probability is greater than {@code threshold}, the rule that
     * segmentation specs use.
     */
    public ForegroundMask threshold(double threshold) {
        byte[] pixels = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            pixels[i] = values[i] > threshold ? (byte) 1 : (byte) 0;
        }
        return new ForegroundMask(width, height, pixels);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ForegroundProbabilities map && width == map.width && height == map.height && Arrays.equals(values, map.values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "ForegroundProbabilities[" + width + "x" + height + "]";
    }
}
