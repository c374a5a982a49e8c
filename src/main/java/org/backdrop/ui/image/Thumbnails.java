package org.backdrop.ui.image;

import org.backdrop.image.RgbImage;

/** Pixel work for display: downscaling and the mask overlay. Plain Java, safe on any thread. */
public final class Thumbnails {

    /** The overlay colour mixed into foreground pixels, RGB. */
    private static final int[] OVERLAY = {0, 200, 255};

    /** The share of the overlay colour in a foreground pixel, 0 to 1. */
    private static final double OVERLAY_OPACITY = 0.45;

    private Thumbnails() {}

    /**
     * Returns {@code image} shrunk so that its longer side is at most {@code maxSide} pixels, each
     * output pixel the mean of the source pixels it covers; images already small enough are returned
     * as they are.
     */
    public static RgbImage downscale(RgbImage image, int maxSide) {
        int longer = Math.max(image.width(), image.height());
        if (longer <= maxSide) {
            return image;
        }
        double scale = (double) maxSide / longer;
        int width = Math.max(1, (int) Math.round(image.width() * scale));
        int height = Math.max(1, (int) Math.round(image.height() * scale));
        byte[] out = new byte[width * height * 3];
        byte[] in = image.pixels();
        for (int y = 0; y < height; y++) {
            int y0 = y * image.height() / height;
            int y1 = Math.max(y0 + 1, (y + 1) * image.height() / height);
            for (int x = 0; x < width; x++) {
                int x0 = x * image.width() / width;
                int x1 = Math.max(x0 + 1, (x + 1) * image.width() / width);
                long r = 0;
                long g = 0;
                long b = 0;
                for (int sy = y0; sy < y1; sy++) {
                    int row = sy * image.width();
                    for (int sx = x0; sx < x1; sx++) {
                        int i = (row + sx) * 3;
                        r += in[i] & 0xFF;
                        g += in[i + 1] & 0xFF;
                        b += in[i + 2] & 0xFF;
                    }
                }
                long count = (long) (y1 - y0) * (x1 - x0);
                int o = (y * width + x) * 3;
                out[o] = (byte) (r / count);
                out[o + 1] = (byte) (g / count);
                out[o + 2] = (byte) (b / count);
            }
        }
        return new RgbImage(width, height, out);
    }

    /**
     * Returns {@code image} enlarged by the largest whole factor, at most 16, that keeps its longer side
     * within {@code maxSide}, each pixel repeated as a block. With JavaFX 21's software pipeline under
     * Xvfb, an enlarged {@code ImageView} was smoothed even with smoothing off, which blurred 32x32 images.
     */
    public static RgbImage upscale(RgbImage image, int maxSide) {
        int factor = enlargement(image.width(), image.height(), maxSide);
        if (factor == 1) {
            return image;
        }
        int width = image.width() * factor;
        int height = image.height() * factor;
        byte[] in = image.pixels();
        byte[] out = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            int sourceRow = (y / factor) * image.width();
            for (int x = 0; x < width; x++) {
                int i = (sourceRow + x / factor) * 3;
                int o = (y * width + x) * 3;
                out[o] = in[i];
                out[o + 1] = in[i + 1];
                out[o + 2] = in[i + 2];
            }
        }
        return new RgbImage(width, height, out);
    }

    /**
     * Returns the largest whole factor, 1 to 16, that keeps a {@code width x height} image's longer side
     * within {@code maxSide} when each pixel is repeated as a block; 1 when even that is too large.
     */
    public static int enlargement(int width, int height, int maxSide) {
        return Math.max(1, Math.min(16, maxSide / Math.max(width, height)));
    }

    /**
     * Returns a copy of {@code image} with the foreground tinted. {@code mask} has one byte per pixel
     * of a {@code maskWidth x maskHeight} image, row-major, non-zero for the object; it is sampled at
     * the nearest position, so a full-size mask fits a thumbnail.
     */
    public static RgbImage overlay(RgbImage image, byte[] mask, int maskWidth, int maskHeight) {
        byte[] out = image.pixels().clone();
        for (int y = 0; y < image.height(); y++) {
            int my = Math.min(maskHeight - 1, (int) ((y + 0.5) * maskHeight / image.height()));
            for (int x = 0; x < image.width(); x++) {
                int mx = Math.min(maskWidth - 1, (int) ((x + 0.5) * maskWidth / image.width()));
                if (mask[my * maskWidth + mx] == 0) {
                    continue;
                }
                int i = (y * image.width() + x) * 3;
                for (int c = 0; c < 3; c++) {
                    out[i + c] = (byte) Math.round((out[i + c] & 0xFF) * (1 - OVERLAY_OPACITY) + OVERLAY[c] * OVERLAY_OPACITY);
                }
            }
        }
        return new RgbImage(image.width(), image.height(), out);
    }
}
