package org.backdrop.eval.coco;

/** Box IoU exactly as pycocotools' {@code bbIou} computes it, in doubles. */
final class BoxIou {

    private BoxIou() {}

    /**
     * Returns the IoU of the {@code [x, y, width, height]} boxes at {@code detections[detection]} and
     * {@code objects[object]}: 0 unless the overlap is positive in both directions, and intersection
     * over the detection's area when the object is a crowd region.
     */
    static double iou(double[] detections, int detection, double[] objects, int object, boolean crowd) {
        double dx = detections[detection];
        double dy = detections[detection + 1];
        double dw = detections[detection + 2];
        double dh = detections[detection + 3];
        double gx = objects[object];
        double gy = objects[object + 1];
        double gw = objects[object + 2];
        double gh = objects[object + 3];
        double width = Math.min(dw + dx, gw + gx) - Math.max(dx, gx);
        if (width <= 0) {
            return 0;
        }
        double height = Math.min(dh + dy, gh + gy) - Math.max(dy, gy);
        if (height <= 0) {
            return 0;
        }
        double intersection = width * height;
        double detectionArea = dw * dh;
        double union = crowd ? detectionArea : detectionArea + gw * gh - intersection;
        return intersection / union;
    }
}
