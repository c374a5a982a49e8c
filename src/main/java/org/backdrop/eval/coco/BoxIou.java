package org.backdrop.eval.coco;

/** Box IoU exactly as pycocotools' {@code bbIou} computes it, in doubles. */
final class BoxIou {

    private BoxIou() {}

    /**
     * Returns the IoU of two {@code [x, y, width, height]} boxes: 0 unless the overlap is positive in
     * both directions, and intersection over the detection's area when the object is a crowd region.
     */
    static double iou(double[] detection, double[] object, boolean crowd) {
        double width = Math.min(detection[2] + detection[0], object[2] + object[0]) - Math.max(detection[0], object[0]);
        if (width <= 0) {
            return 0;
        }
        double height = Math.min(detection[3] + detection[1], object[3] + object[1]) - Math.max(detection[1], object[1]);
        if (height <= 0) {
            return 0;
        }
        double intersection = width * height;
        double detectionArea = detection[2] * detection[3];
        double union = crowd ? detectionArea : detectionArea + object[2] * object[3] - intersection;
        return intersection / union;
    }
}
