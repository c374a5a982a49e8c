package org.backdrop.background;

import java.util.Optional;

/**
 * An axis-aligned box of whole pixels: it covers columns {@code [x, x + width)} and rows
 * {@code [y, y + height)}, 0-based.
 *
 * @param x the first column
 * @param y the first row
 * @param width the number of columns, at least 1
 * @param height the number of rows, at least 1
 */
public record PixelBox(int x, int y, int width, int height) {

    /**
     * Validates the box.
     *
     * @throws IllegalArgumentException if a corner is negative or the box is empty
     */
    public PixelBox {
        if (x < 0 || y < 0 || width < 1 || height < 1) {
            throw new IllegalArgumentException(
                    "invalid pixel box x=" + x + " y=" + y + " width=" + width + " height=" + height
                            + ": corners must not be negative and the box must cover at least one pixel");
        }
    }

    /**
     * Returns the smallest box that contains every foreground pixel of a row-major mask, or an empty
     * optional when the mask has no foreground pixel.
     *
     * @throws IllegalArgumentException if {@code mask.length != width * height}
     */
    public static Optional<PixelBox> enclosing(byte[] mask, int width, int height) {
        Masks.requireSize(mask, width, height);
        int minX = width;
        int minY = height;
        int maxX = -1;
        int maxY = -1;
        for (int y = 0; y < height; y++) {
            int row = y * width;
            for (int x = 0; x < width; x++) {
                if (mask[row + x] != 0) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = y;
                }
            }
        }
        if (maxX < 0) {
            return Optional.empty();
        }
        return Optional.of(new PixelBox(minX, minY, maxX - minX + 1, maxY - minY + 1));
    }

    /** Returns the column just right of the box. */
    public int endX() {
        return x + width;
    }

    /** Returns the row just below the box. */
    public int endY() {
        return y + height;
    }

    /**
     * Returns the part of this box inside an image of the given size, or an empty optional when they
     * do not overlap.
     */
    public Optional<PixelBox> clippedTo(int imageWidth, int imageHeight) {
        int clippedEndX = Math.min(endX(), imageWidth);
        int clippedEndY = Math.min(endY(), imageHeight);
        if (x >= clippedEndX || y >= clippedEndY) {
            return Optional.empty();
        }
        return Optional.of(new PixelBox(x, y, clippedEndX - x, clippedEndY - y));
    }
}
