package org.backdrop.augment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.backdrop.background.SamplePool;
import org.backdrop.dataset.Category;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.Sample;
import org.backdrop.dataset.SampleImages;
import org.backdrop.image.RgbImage;
import org.backdrop.mask.Rle;

/**
 * The samples an augmentation keeps, with their masks, as the background methods see them. Pixels are
 * decoded on each request, so memory holds only masks.
 */
final class AugmentPool implements SamplePool {

    private final Dataset dataset;
    private final List<Sample> samples;
    private final List<Rle> masks;
    private final SampleImages images;

    AugmentPool(Dataset dataset, List<Sample> samples, List<Rle> masks, SampleImages images) {
        if (samples.size() != masks.size()) {
            throw new IllegalArgumentException(samples.size() + " samples but " + masks.size() + " masks");
        }
        this.dataset = dataset;
        this.samples = List.copyOf(samples);
        this.masks = List.copyOf(masks);
        this.images = images;
    }

    List<Sample> samples() {
        return samples;
    }

    Sample sample(int index) {
        return samples.get(index);
    }

    @Override
    public int size() {
        return samples.size();
    }

    @Override
    public String id(int index) {
        return samples.get(index).id();
    }

    @Override
    public int label(int index) {
        Sample sample = samples.get(index);
        if (!sample.labels().isEmpty()) {
            return sample.labels().get(0);
        }
        if (!sample.annotations().isEmpty()) {
            return sample.annotations().get(0).categoryId();
        }
        return NO_LABEL;
    }

    @Override
    public String className(int label) {
        return dataset.category(label).map(Category::name).orElse(Integer.toString(label));
    }

    @Override
    public RgbImage image(int index) {
        Sample sample = samples.get(index);
        try {
            RgbImage image = images.load(dataset, sample);
            Rle mask = masks.get(index);
            if (image.width() != mask.width() || image.height() != mask.height()) {
                throw new IllegalStateException("sample " + sample.id() + ": the image is " + image.width() + "x" + image.height()
                        + " but its mask is " + mask.width() + "x" + mask.height() + "; the masks belong to another version of the dataset");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException("sample " + sample.id() + " (" + sample.image().describe() + "): " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] mask(int index) {
        return masks.get(index).toRowMajor();
    }
}
