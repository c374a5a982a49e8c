package org.backdrop.eval.coco;

import java.util.List;
import org.backdrop.mask.PolygonSegmentation;

/** Areas, boxes and IoUs of instance masks, decoded one image at a time. */
final class MaskGeometry {

    /** Returns the mask's pixel count. */
    double area(InstanceMask mask, int imageHeight, int imageWidth) {
        throw new UnsupportedOperationException("mask evaluation needs the mask package");
    }

    /** Returns the mask's bounding box {@code [x, y, width, height]}. */
    double[] boundingBox(InstanceMask mask, int imageHeight, int imageWidth) {
        throw new UnsupportedOperationException("mask evaluation needs the mask package");
    }

    /** Returns the box as the one polygon that pycocotools' {@code loadRes} makes for a detection without a mask. */
    InstanceMask boxPolygon(double[] box) {
        double x1 = box[0];
        double y1 = box[1];
        double x2 = box[0] + box[2];
        double y2 = box[1] + box[3];
        return new InstanceMask.Shape(new PolygonSegmentation(List.of(new double[] {x1, y1, x1, y2, x2, y2, x2, y1})));
    }

    /** Returns IoUs {@code [detection][object]}; for a crowd region, intersection over detection area. */
    double[][] iou(InstanceMask[] detections, InstanceMask[] objects, boolean[] crowd, int imageHeight, int imageWidth) {
        throw new UnsupportedOperationException("mask evaluation needs the mask package");
    }
}
