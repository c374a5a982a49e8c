package org.backdrop.eval.coco;

/**
 * One detection, as a line of a COCO results file gives it.
 *
 * @param imageId the image; it must be an image of the ground truth
 * @param categoryId the category; detections of categories that the ground truth lacks are left out
 * @param score confidence; higher ranks first, and it must be finite
 * @param bbox {@code [x, y, width, height]} in pixels, or null when absent (then the box comes from
 *     the mask); the array is not copied, so do not change it
 * @param mask the instance mask, or null when absent (mask evaluation then uses the box as a polygon)
 */
public record CocoDetection(long imageId, long categoryId, double score, double[] bbox, InstanceMask mask) {}
