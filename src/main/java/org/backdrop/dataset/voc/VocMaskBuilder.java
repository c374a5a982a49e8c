package org.backdrop.dataset.voc;

import java.util.List;
import org.backdrop.dataset.Annotation;
import org.backdrop.dataset.Sample;
import org.backdrop.mask.Rle;
import org.backdrop.mask.Segmentations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the two VOC masks of a sample from its annotations, rasterising polygons: annotation k
 * (1-based) becomes value k in the instance mask and its category's class index in the semantic mask. Void pixels are 255
 * in the semantic mask. In the instance mask they are 255 only where no instance covers them, so
 * instance masks read back unchanged.
 */
final class VocMaskBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(VocMaskBuilder.class);

    private VocMaskBuilder() {}

    /** Returns true when some annotation of {@code sample} has a mask (RLE or polygons) to write. */
    static boolean hasMasks(Sample sample) {
        return sample.annotations().stream().anyMatch(annotation -> annotation.segmentation() != null);
    }

    /**
     * Builds the masks of {@code sample}, which is {@code width x height}.
     *
     * @param voidMask the void pixels, or null when there are none
     */
    static VocMasks build(Sample sample, int width, int height, VocClassIndex classIndex, Rle voidMask) {
        byte[] classes = new byte[width * height];
        byte[] objects = new byte[width * height];
        byte[] voids = voidMask == null ? null : voidMask.toRowMajor();
        if (voids != null) {
            fill(objects, voids, (byte) IndexedMask.VOID);
        }

        List<Annotation> annotations = sample.annotations();
        for (int k = 0; k < annotations.size(); k++) {
            Annotation annotation = annotations.get(k);
            Rle rle = instanceMask(sample, annotation, k + 1, width, height);
            if (rle != null) {
                byte[] pixels = rle.toRowMajor();
                fill(objects, pixels, (byte) (k + 1));
                fill(classes, pixels, (byte) classIndex.indexOf(annotation.categoryId()));
            }
        }

        if (voids != null) {
            fill(classes, voids, (byte) IndexedMask.VOID);
        }
        return new VocMasks(new IndexedMask(width, height, classes), new IndexedMask(width, height, objects));
    }

    /** Returns the annotation's mask when it can be written as instance {@code number}, else logs why not and returns null. */
    private static Rle instanceMask(Sample sample, Annotation annotation, int number, int width, int height) {
        if (annotation.segmentation() == null) {
            return null;
        }
        if (number >= IndexedMask.VOID) {
            LOG.warn("Sample {} has more than {} objects with masks; the mask of object {} is left out because VOC instance masks"
                    + " hold 254 objects", sample.id(), IndexedMask.VOID - 1, number);
            return null;
        }
        try {
            return Segmentations.toRle(annotation.segmentation(), height, width);
        } catch (IllegalArgumentException e) {
            LOG.warn("Annotation {} of sample {} has a mask that does not fit its {}x{} image; the mask is left out: {}",
                    annotation.id(), sample.id(), width, height, e.getMessage());
            return null;
        }
    }

    private static void fill(byte[] target, byte[] where, byte value) {
        for (int i = 0; i < target.length; i++) {
            if (where[i] != 0) {
                target[i] = value;
            }
        }
    }
}
