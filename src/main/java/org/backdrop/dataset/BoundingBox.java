package org.backdrop.dataset;

/**
 * An axis-aligned box in pixel coordinates with 0-based corners, as COCO stores it: the box covers
 * {@code [x, x + width) × [y, y + height)}.
 *
 * <p>PASCAL VOC stores 1-based inclusive pixel indices {@code [xmin, ymin, xmax, ymax]}. The pixel
 * with 1-based index {@code xmin} starts at 0-based coordinate {@code xmin - 1}, so
 * {@code x = xmin - 1} and {@code width = xmax - xmin + 1}. For integer VOC values both directions
 * are exact in double arithmetic.
 */
public record BoundingBox(double x, double y, double width, double height) {

    /** Creates a box from VOC's 1-based inclusive corners. */
    public static BoundingBox fromVoc(double xmin, double ymin, double xmax, double ymax) {
        return new BoundingBox(xmin - 1, ymin - 1, xmax - xmin + 1, ymax - ymin + 1);
    }

    /** Returns VOC's 1-based inclusive {@code [xmin, ymin, xmax, ymax]}. */
    public double[] toVoc() {
        return new double[] {x + 1, y + 1, x + width, y + height};
    }

    /** Returns COCO's {@code [x, y, width, height]}. */
    public double[] toCoco() {
        return new double[] {x, y, width, height};
    }

    /** Returns the box area in square pixels, 0 for a degenerate box. */
    public double area() {
        return Math.max(0, width) * Math.max(0, height);
    }
}
