package org.backdrop.dataset;

import java.util.Map;
import org.backdrop.mask.Segmentation;

/**
 * One object of a sample.
 *
 * @param id the dataset's annotation id (COCO's id; VOC and generated ids count from 1 per dataset)
 * @param categoryId the dataset's category id, unchanged
 * @param box the object's box; never null
 * @param segmentation the object's polygons or RLE, or null when the format has no mask for it
 * @param crowd COCO's {@code iscrowd}
 * @param area COCO's {@code area} field in square pixels, or {@code NaN} when the source has none
 * @param difficult VOC's {@code difficult} flag
 * @param truncated VOC's {@code truncated} flag
 * @param attributes other fields of the source kept as text (VOC's {@code pose}, {@code occluded})
 */
public record Annotation(
        long id,
        int categoryId,
        BoundingBox box,
        Segmentation segmentation,
        boolean crowd,
        double area,
        boolean difficult,
        boolean truncated,
        Map<String, String> attributes) {

    public Annotation {
        if (box == null) {
            throw new IllegalArgumentException("annotation " + id + " has no box");
        }
        attributes = Map.copyOf(attributes);
    }

    /** Creates a box-only annotation with no flags. */
    public static Annotation ofBox(long id, int categoryId, BoundingBox box) {
        return new Annotation(id, categoryId, box, null, false, Double.NaN, false, false, Map.of());
    }
}
