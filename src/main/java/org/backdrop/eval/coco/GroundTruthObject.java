package org.backdrop.eval.coco;

/**
 * An annotated object of the ground truth.
 *
 * @param id COCO's annotation id
 * @param imageId the image it belongs to
 * @param categoryId its category
 * @param bbox {@code [x, y, width, height]} in pixels, or null when the file gives none (box
 *     evaluation then rejects it); the array is not copied, so do not change it
 * @param area COCO's {@code area} field in square pixels, which decides the object's area range; NaN
 *     when the file gives none, and evaluation then uses the box area (box IoU) or mask area (mask IoU)
 * @param crowd COCO's {@code iscrowd}: a crowd region that absorbs detections and is never counted
 * @param ignore COCO's {@code ignore} field; it only counts when evaluation is set to honour it
 * @param mask the object's mask, or null when the file gives none (mask evaluation then rejects it)
 */
public record GroundTruthObject(
        long id, long imageId, long categoryId, double[] bbox, double area, boolean crowd, boolean ignore, InstanceMask mask) {}
