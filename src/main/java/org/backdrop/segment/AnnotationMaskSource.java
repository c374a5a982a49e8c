package org.backdrop.segment;

import java.util.ArrayList;
import java.util.List;
import org.backdrop.dataset.Annotation;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.Sample;
import org.backdrop.dataset.SampleImages;
import org.backdrop.mask.Rle;
import org.backdrop.mask.Segmentations;

/**
 * Takes masks from the dataset's own annotations: COCO polygons and RLE, VOC instance masks.
 *
 * <p>The classification view is the union of a sample's instance masks; the detection view keeps each
 * instance separately ({@link #instanceMasks}). Crowd regions are part of the union, because their
 * pixels are object pixels too.
 */
public final class AnnotationMaskSource implements MaskSource {

    @Override
    public String name() {
        return "annotations";
    }

    @Override
    public MaskResult compute(Dataset dataset, Sample sample, SampleImages images) {
        List<Rle> instances = instanceMasks(sample);
        if (instances.isEmpty()) {
            return new MaskResult.Rejected("the annotations hold no mask for this image");
        }
        return new MaskResult.Found(Rle.merge(instances, false));
    }

    /**
     * Returns one mask per annotation that has a segmentation, in annotation order.
     *
     * @throws IllegalArgumentException if the sample declares no size or a mask's size differs from it
     */
    public static List<Rle> instanceMasks(Sample sample) {
        List<Rle> masks = new ArrayList<>();
        for (Annotation annotation : sample.annotations()) {
            if (annotation.segmentation() == null) {
                continue;
            }
            if (sample.width() <= 0 || sample.height() <= 0) {
                throw new IllegalArgumentException("sample " + sample.id() + " declares no image size, so its polygons cannot be rasterised");
            }
            masks.add(Segmentations.toRle(annotation.segmentation(), sample.height(), sample.width()));
        }
        return masks;
    }
}
