package org.backdrop.eval.coco;

import java.util.ArrayList;
import java.util.List;
import org.backdrop.eval.EvaluationInputException;
import org.backdrop.mask.MaskIou;
import org.backdrop.mask.PolygonSegmentation;
import org.backdrop.mask.Rle;
import org.backdrop.mask.RleSegmentation;
import org.backdrop.mask.Segmentations;

/**
 * Decodes instance masks one cell at a time and computes their areas, boxes and IoUs with the
 * {@code mask} package, which repeats pycocotools' arithmetic.
 *
 * <p>As in pycocotools' {@code annToRLE}, polygons are rasterised at the image's size, and an RLE keeps
 * its own {@code size}. pycocotools gives a pair of masks of different sizes an IoU of -1, so that it
 * never matches. Here such a pair is an error, because it means the mask belongs to another image.
 */
final class MaskGeometry {

    /** Decodes {@code mask}; polygons are rasterised at {@code imageHeight} x {@code imageWidth}. */
    Rle toRle(InstanceMask mask, int imageHeight, int imageWidth) {
        try {
            if (mask instanceof InstanceMask.Compressed compressed) {
                return Rle.fromCompressedString(compressed.counts(), compressed.height(), compressed.width());
            }
            InstanceMask.Shape shape = (InstanceMask.Shape) mask;
            if (shape.segmentation() instanceof RleSegmentation encoded) {
                return encoded.rle();
            }
            return Segmentations.toRle(shape.segmentation(), imageHeight, imageWidth);
        } catch (IllegalArgumentException e) {
            throw new EvaluationInputException("invalid mask: " + e.getMessage(), e);
        }
    }

    /** Returns the mask's pixel count, as pycocotools' {@code maskUtils.area}. */
    double area(InstanceMask mask, int imageHeight, int imageWidth) {
        return toRle(mask, imageHeight, imageWidth).area();
    }

    /** Returns the mask's bounding box {@code [x, y, width, height]}, as pycocotools' {@code maskUtils.toBbox}. */
    double[] boundingBox(InstanceMask mask, int imageHeight, int imageWidth) {
        return toRle(mask, imageHeight, imageWidth).toBbox();
    }

    /** Returns the box as the one polygon that pycocotools' {@code loadRes} makes for a detection without a mask. */
    InstanceMask boxPolygon(double[] box) {
        double x1 = box[0];
        double y1 = box[1];
        double x2 = box[0] + box[2];
        double y2 = box[1] + box[3];
        return new InstanceMask.Shape(new PolygonSegmentation(List.of(new double[] {x1, y1, x1, y2, x2, y2, x2, y1})));
    }

    /**
     * Returns IoUs {@code [detection][object]}; for a crowd region, intersection over detection area.
     *
     * @throws EvaluationInputException if a mask cannot be decoded or the masks differ in size
     */
    double[][] iou(InstanceMask[] detections, InstanceMask[] objects, boolean[] crowd, int imageHeight, int imageWidth) {
        List<Rle> detectionMasks = new ArrayList<>(detections.length);
        for (InstanceMask mask : detections) {
            detectionMasks.add(toRle(mask, imageHeight, imageWidth));
        }
        List<Rle> objectMasks = new ArrayList<>(objects.length);
        for (InstanceMask mask : objects) {
            objectMasks.add(toRle(mask, imageHeight, imageWidth));
        }
        try {
            return MaskIou.iou(detectionMasks, objectMasks, crowd);
        } catch (IllegalArgumentException e) {
            throw new EvaluationInputException(e.getMessage() + "; every mask must have its image's height and width", e);
        }
    }
}
