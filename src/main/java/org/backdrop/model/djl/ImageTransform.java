package org.backdrop.model.djl;

/**
 * The mapping from points of the original image to the model input:
 * {@code inputX = originalX * scaleX + offsetX}, likewise for y. Coordinates are continuous pixel
 * coordinates, in which pixel {@code i} covers {@code [i, i + 1)}.
 *
 * @param originalWidth the original image width in pixels
 * @param originalHeight the original image height in pixels
 * @param inputWidth the model input width in pixels
 * @param inputHeight the model input height in pixels
 * @param scaleX input pixels per original pixel in x
 * @param scaleY input pixels per original pixel in y
 * @param offsetX the input x of the original image's left edge (negative after a centre crop, positive
 *     after letterbox padding)
 * @param offsetY the input y of the original image's top edge
 */
record ImageTransform(
        int originalWidth, int originalHeight, int inputWidth, int inputHeight, double scaleX, double scaleY, double offsetX, double offsetY) {

    /** Returns the original x of input x {@code inputX}. */
    double toOriginalX(double inputX) {
        return (inputX - offsetX) / scaleX;
    }

    /** Returns the original y of input y {@code inputY}. */
    double toOriginalY(double inputY) {
        return (inputY - offsetY) / scaleY;
    }
}
