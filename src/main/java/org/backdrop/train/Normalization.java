package org.backdrop.train;

import java.io.IOException;
import java.util.List;

/**
 * Per-channel mean and standard deviation on the 0–1 scale, in RGB order. Inputs are normalised as
 * {@code (pixel / 255 - mean) / std} before they enter the network.
 *
 * @param mean the red, green and blue means
 * @param std the red, green and blue standard deviations, each above 0
 */
public record Normalization(float[] mean, float[] std) {

    public Normalization {
        if (mean.length != 3 || std.length != 3) {
            throw new IllegalArgumentException("normalisation needs 3 means and 3 standard deviations");
        }
        mean = mean.clone();
        std = std.clone();
    }

    /**
     * Measures the mean and standard deviation over every pixel of every item of {@code sources},
     * each item counted once whatever its share. A channel with no variance gets a standard
     * deviation of 1.
     *
     * @throws IOException if an image cannot be read
     * @throws IllegalArgumentException if the sources hold no items
     */
    static Normalization measure(List<LabelledImages> sources) throws IOException {
        double[] sum = new double[3];
        double[] squares = new double[3];
        long pixels = 0;
        for (LabelledImages source : sources) {
            for (int item = 0; item < source.count(); item++) {
                byte[] rgb = source.pixels(item);
                for (int i = 0; i < rgb.length; i++) {
                    double value = (rgb[i] & 0xFF) / 255.0;
                    sum[i % 3] += value;
                    squares[i % 3] += value * value;
                }
                pixels += rgb.length / 3;
            }
        }
        if (pixels == 0) {
            throw new IllegalArgumentException("no labelled training images to measure the mean and standard deviation of");
        }

        float[] mean = new float[3];
        float[] std = new float[3];
        for (int c = 0; c < 3; c++) {
            double average = sum[c] / pixels;
            double variance = Math.max(0, squares[c] / pixels - average * average);
            mean[c] = (float) average;
            std[c] = variance > 1e-12 ? (float) Math.sqrt(variance) : 1f;
        }
        return new Normalization(mean, std);
    }
}
