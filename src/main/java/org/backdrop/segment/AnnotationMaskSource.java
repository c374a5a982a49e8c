package org.backdrop.segment;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.backdrop.dataset.Annotation;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.DatasetFormat;
import org.backdrop.dataset.Sample;
import org.backdrop.dataset.SampleImages;
import org.backdrop.dataset.voc.VocMasks;
import org.backdrop.mask.Rle;
import org.backdrop.mask.Segmentations;

/**
 * Takes masks from the dataset's own annotations: COCO polygons and RLE, VOC instance masks.
 *
 * <p>The classification view is the union of a sample's instance masks; the detection view keeps each
 * instance separately ({@link #instanceMasks}). Crowd regions are part of the union, because their
 * pixels are object pixels too. PASCAL VOC's void pixels (index 255: object borders and regions the
 * annotators left undecided) are neither object nor background. By default they join the object, so
 * that no border of the old background stays around the object after compositing.
 */
public final class AnnotationMaskSource implements MaskSource {

    private final boolean voidAsObject;

    /** Creates a source that counts VOC void pixels as object pixels. */
    public AnnotationMaskSource() {
        this(true);
    }

    /** Creates a source; {@code voidAsObject} false leaves VOC void pixels in the background. */
    public AnnotationMaskSource(boolean voidAsObject) {
        this.voidAsObject = voidAsObject;
    }

    @Override
    public String name() {
        return "annotations";
    }

    @Override
    public MaskResult compute(Dataset dataset, Sample sample, SampleImages images) throws IOException {
        List<Rle> instances = new ArrayList<>(instanceMasks(sample));
        if (instances.isEmpty()) {
            return new MaskResult.Rejected("the annotations contain no mask for this image");
        }
        if (voidAsObject && dataset.format() == DatasetFormat.VOC) {
            Optional<VocMasks> masks = VocMasks.read(dataset.root(), sample.id());
            if (masks.isPresent() && masks.get().width() == sample.width() && masks.get().height() == sample.height()) {
                instances.add(masks.get().voidMask());
            }
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
