package org.backdrop.background;

import org.backdrop.image.RgbImage;

/**
 * The per-pixel mean of background pixels over a dataset, in one streaming pass: {@link #add} each
 * image with its mask, then {@link #result()}.
 *
 * <p>The mean is taken on a fixed {@code width x height} grid. Images of another size are first
 * resized to the grid ({@link Resizing#stretch} for the pixels, nearest neighbour for the mask).
 * Sums are exact 64-bit integers, so the result does not depend on the order of {@code add} calls or on
 * how work was split between accumulators joined with {@link #merge}. Each channel of the result is
 * {@code (sum + count / 2) / count} in integer arithmetic, which rounds the mean half up. A grid pixel
 * that is foreground in every image takes the mean colour of all background pixels seen, rounded the
 * same way.
 *
 * <p>Not thread-safe: give each thread its own accumulator and merge them.
 */
public final class MeanBackgroundAccumulator {

    private final int width;
    private final int height;
    private final long[] sums;
    private final long[] counts;
    private long images;

    /**
     * Creates an empty accumulator for a {@code width x height} grid.
     *
     * @throws IllegalArgumentException if a size is less than 1 pixel
     */
    public MeanBackgroundAccumulator(int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("mean background grid " + width + "x" + height + " must be at least 1x1 pixels");
        }
        this.width = width;
        this.height = height;
        this.sums = new long[width * height * 3];
        this.counts = new long[width * height];
    }

    /** Returns the grid width in pixels. */
    public int width() {
        return width;
    }

    /** Returns the grid height in pixels. */
    public int height() {
        return height;
    }

    /** Returns how many images were added, merged ones included. */
    public long imageCount() {
        return images;
    }

    /**
     * Adds the background pixels (mask byte 0) of one image.
     *
     * @throws IllegalArgumentException if the mask does not have one byte per pixel of the image
     */
    public void add(RgbImage image, byte[] mask) {
        Masks.requireSize(mask, image.width(), image.height());
        RgbImage gridImage = Resizing.stretch(image, width, height);
        byte[] gridMask = Resizing.stretchMask(mask, image.width(), image.height(), width, height);
        byte[] pixels = gridImage.pixels();
        for (int pixel = 0, offset = 0; pixel < gridMask.length; pixel++, offset += 3) {
            if (gridMask[pixel] == 0) {
                sums[offset] += pixels[offset] & 0xFF;
                sums[offset + 1] += pixels[offset + 1] & 0xFF;
                sums[offset + 2] += pixels[offset + 2] & 0xFF;
                counts[pixel]++;
            }
        }
        images++;
    }

    /**
     * Adds everything another accumulator has seen.
     *
     * @throws IllegalArgumentException if its grid has another size
     */
    public void merge(MeanBackgroundAccumulator other) {
        if (other.width != width || other.height != height) {
            throw new IllegalArgumentException(
                    "cannot merge a " + other.width + "x" + other.height + " mean background into a " + width + "x" + height + " one");
        }
        for (int i = 0; i < sums.length; i++) {
            sums[i] += other.sums[i];
        }
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
        images += other.images;
    }

    /**
     * Returns the mean background on the grid.
     *
     * @throws BackgroundUnavailableException if no background pixel was added (no image, or every mask
     *     covers the whole image)
     */
    public RgbImage result() {
        long[] total = new long[3];
        long totalCount = 0;
        for (int pixel = 0; pixel < counts.length; pixel++) {
            for (int channel = 0; channel < 3; channel++) {
                total[channel] += sums[pixel * 3 + channel];
            }
            totalCount += counts[pixel];
        }
        if (totalCount == 0) {
            throw new BackgroundUnavailableException(
                    "the mean background is undefined: none of the " + images + " images added has a background pixel");
        }

        byte[] fallback = new byte[3];
        for (int channel = 0; channel < 3; channel++) {
            fallback[channel] = (byte) roundedMean(total[channel], totalCount);
        }
        byte[] pixels = new byte[sums.length];
        for (int pixel = 0, offset = 0; pixel < counts.length; pixel++, offset += 3) {
            long count = counts[pixel];
            for (int channel = 0; channel < 3; channel++) {
                pixels[offset + channel] = count == 0 ? fallback[channel] : (byte) roundedMean(sums[offset + channel], count);
            }
        }
        return new RgbImage(width, height, pixels);
    }

    private static long roundedMean(long sum, long count) {
        return (sum + count / 2) / count;
    }
}
