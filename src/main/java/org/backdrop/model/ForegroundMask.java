package org.backdrop.model;

import java.util.Arrays;
import org.backdrop.mask.Rle;

/**
 * A binary foreground mask at the original image size.
 *
 * @param width the width in pixels
 * @param height the height in pixels
 * @param pixels {@code width * height} bytes, row by row ({@code pixels[y * width + x]}), 1 for foreground
 *     and 0 for background; the array is copied on the way in and out
 */
public record ForegroundMask(int width, int height, byte[] pixels) {

    /** Copies {@code pixels} and checks its length. */
    public ForegroundMask {
        if (width < 0 || height < 0 || pixels.length != (long) width * height) {
            throw new IllegalArgumentException("mask of " + width + "x" + height + " needs " + (long) width * height + " bytes, got " + pixels.length);
        }
        pixels = pixels.clone();
    }

    /** Returns a copy of the pixels. */
    @Override
    public byte[] pixels() {
        return pixels.clone();
    }

    /** Returns whether the pixel at column {@code x}, row {@code y} is foreground. */
    public boolean isForeground(int x, int y) {
        return pixels[y * width + x] != 0;
    }

    /** Returns the share of foreground pixels, from 0 to 1; 0 for an empty mask. */
    public double foregroundFraction() {
        if (pixels.length == 0) {
            return 0;
        }
        long count = 0;
        for (byte pixel : pixels) {
            if (pixel != 0) {
                count++;
            }
        }
        return (double) count / pixels.length;
    }

    /** Encodes the mask in COCO's run-length encoding, the form Backdrop stores masks in. */
    public Rle toRle() {
        return Rle.fromRowMajor(pixels, width, height);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ForegroundMask mask && width == mask.width && height == mask.height && Arrays.equals(pixels, mask.pixels);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + Arrays.hashCode(pixels);
    }

    @Override
    public String toString() {
        return "ForegroundMask[" + width + "x" + height + ", foreground " + foregroundFraction() + "]";
    }
}
