package org.backdrop.eval.coco;

/**
 * An image of the ground truth.
 *
 * @param id COCO's image id
 * @param width width in pixels, 0 when the file gives none (mask evaluation then rejects the image)
 * @param height height in pixels, 0 when the file gives none
 */
public record CocoImage(long id, int width, int height) {}
