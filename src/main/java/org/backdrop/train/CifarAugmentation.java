package org.backdrop.train;

import java.util.Random;

/**
 * Turns 8-bit RGB pixels into the network's normalised input, optionally with the standard CIFAR
 * augmentation: a random crop of the image padded by 4 black pixels on each side, then a horizontal
 * flip with probability one half.
 */
final class CifarAugmentation {

    static final int PADDING = 4;

    private CifarAugmentation() {}

    /**
     * Returns the image as channel-major floats ({@code 3 × size × size}), normalised, augmented with
     * {@code random} when it is not null.
     *
     * @param rgb {@code size × size} pixels, row-major, R G B per pixel
     */
    static float[] toInput(byte[] rgb, int size, Normalization normalization, Random random) {
        int offsetX = 0;
        int offsetY = 0;
        boolean flip = false;
        if (random != null) {
            offsetX = random.nextInt(2 * PADDING + 1) - PADDING;
            offsetY = random.nextInt(2 * PADDING + 1) - PADDING;
            flip = random.nextBoolean();
        }

        float[] input = new float[3 * size * size];
        float[] mean = normalization.mean();
        float[] std = normalization.std();
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int sourceX = (flip ? size - 1 - x : x) + offsetX;
                int sourceY = y + offsetY;
                boolean inside = sourceX >= 0 && sourceX < size && sourceY >= 0 && sourceY < size;
                for (int c = 0; c < 3; c++) {
                    float value = inside ? (rgb[(sourceY * size + sourceX) * 3 + c] & 0xFF) / 255f : 0f;
                    input[(c * size + y) * size + x] = (value - mean[c]) / std[c];
                }
            }
        }
        return input;
    }
}
