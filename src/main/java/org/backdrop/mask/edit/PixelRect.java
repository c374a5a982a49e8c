package org.backdrop.mask.edit;

/**
 * A rectangle of whole pixels: columns {@code x} to {@code x + width - 1} and rows {@code y} to
 * {@code y + height - 1}. A rectangle with a width or height of 0 is empty.
 */
public record PixelRect(int x, int y, int width, int height) {

    /** The empty rectangle. */
    public static final PixelRect EMPTY = new PixelRect(0, 0, 0, 0);

    public PixelRect {
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("invalid rectangle size " + width + "x" + height + ": sizes must not be negative");
        }
    }

    /** Returns the rectangle from column {@code x0} and row {@code y0} to column {@code x1 - 1} and row {@code y1 - 1}. */
    public static PixelRect ofBounds(int x0, int y0, int x1, int y1) {
        if (x1 <= x0 || y1 <= y0) {
            return EMPTY;
        }
        return new PixelRect(x0, y0, x1 - x0, y1 - y0);
    }

    public boolean isEmpty() {
        return width == 0 || height == 0;
    }

    /** Returns the column after the last one. */
    public int endX() {
        return x + width;
    }

    /** Returns the row after the last one. */
    public int endY() {
        return y + height;
    }

    public long area() {
        return (long) width * height;
    }

    /** Returns the smallest rectangle that contains both; an empty rectangle adds nothing. */
    public PixelRect union(PixelRect other) {
        if (isEmpty()) {
            return other;
        }
        if (other.isEmpty()) {
            return this;
        }
        return ofBounds(Math.min(x, other.x), Math.min(y, other.y), Math.max(endX(), other.endX()), Math.max(endY(), other.endY()));
    }

    /** Returns the part of this rectangle inside an image of {@code imageWidth} x {@code imageHeight}. */
    public PixelRect clip(int imageWidth, int imageHeight) {
        return ofBounds(Math.max(0, x), Math.max(0, y), Math.min(imageWidth, endX()), Math.min(imageHeight, endY()));
    }
}
