package org.backdrop.model.djl;

/**
 * A box before non-maximum suppression, as corners {@code (x1, y1)} top-left and {@code (x2, y2)}
 * bottom-right in continuous pixel coordinates.
 *
 * @param classIndex the class index
 * @param score the score from 0 to 1
 * @param x1 the left edge
 * @param y1 the top edge
 * @param x2 the right edge
 * @param y2 the bottom edge
 */
record BoxCandidate(int classIndex, double score, double x1, double y1, double x2, double y2) {

    /** Returns the area, 0 for a degenerate box. */
    double area() {
        return Math.max(0, x2 - x1) * Math.max(0, y2 - y1);
    }

    /** Returns the intersection over union with {@code other}, 0 when both are empty. */
    double iou(BoxCandidate other) {
        double width = Math.min(x2, other.x2) - Math.max(x1, other.x1);
        double height = Math.min(y2, other.y2) - Math.max(y1, other.y1);
        if (width <= 0 || height <= 0) {
            return 0;
        }
        double intersection = width * height;
        return intersection / (area() + other.area() - intersection);
    }
}
