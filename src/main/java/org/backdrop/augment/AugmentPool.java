package org.backdrop.augment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.backdrop.background.PixelBox;
import org.backdrop.background.SamplePool;
import org.backdrop.dataset.Category;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.Sample;
import org.backdrop.dataset.SampleImages;
import org.backdrop.image.RgbImage;
import org.backdrop.mask.Rle;

/**
 * The samples an augmentation keeps, with their masks, as the background methods see them.
 *
 * <p>Each variant reads every sample again, so when all decoded images and masks fit in
 * {@link #CACHE_BUDGET_BYTES} (CIFAR-10's 50,000 images need about 200 MB) they are kept after the first
 * read. Larger datasets are decoded on each request, and memory keeps only the RLE masks.
 */
public final class AugmentPool implements SamplePool {

    private final Dataset dataset;
    private final List<Sample> samples;
    private final List<Rle> masks;
    private final SampleImages images;
    private final AtomicReferenceArray<RgbImage> imageCache;
    private final AtomicReferenceArray<byte[]> maskCache;
    private final AtomicReferenceArray<Optional<PixelBox>> boxCache;

    /** The maximum memory that decoded images and masks may take for a pool to keep them between variants. */
    static final long CACHE_BUDGET_BYTES = 512L * 1024 * 1024;

    /** Creates the pool of {@code samples}, whose masks are {@code masks} in the same order. */
    public AugmentPool(Dataset dataset, List<Sample> samples, List<Rle> masks, SampleImages images) {
        this(dataset, samples, masks, images, true);
    }

    /**
     * Creates a pool; {@code mayCache} false never keeps decoded images, for a run that reads each
     * sample once (one variant that borrows nothing from other samples).
     */
    AugmentPool(Dataset dataset, List<Sample> samples, List<Rle> masks, SampleImages images, boolean mayCache) {
        if (samples.size() != masks.size()) {
            throw new IllegalArgumentException(samples.size() + " samples but " + masks.size() + " masks");
        }
        this.dataset = dataset;
        this.samples = List.copyOf(samples);
        this.masks = List.copyOf(masks);
        this.images = images;
        long pixels = 0;
        for (Rle mask : this.masks) {
            pixels += (long) mask.width() * mask.height();
        }
        boolean cached = mayCache && pixels * 4 <= CACHE_BUDGET_BYTES;
        this.imageCache = cached ? new AtomicReferenceArray<>(samples.size()) : null;
        this.maskCache = cached ? new AtomicReferenceArray<>(samples.size()) : null;
        this.boxCache = new AtomicReferenceArray<>(samples.size());
    }

    List<Sample> samples() {
        return samples;
    }

    Rle rle(int index) {
        return masks.get(index);
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
        if (imageCache == null) {
            return decode(index);
        }
        RgbImage image = imageCache.get(index);
        if (image == null) {
            image = decode(index);
            imageCache.set(index, image);
        }
        return image;
    }

    private RgbImage decode(int index) {
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

    /**
     * Returns the box around the sample's mask, computed once per sample because every variant requests
     * it. The mask covers the annotated objects, so this is their enclosing box to the pixel.
     */
    @Override
    public Optional<PixelBox> annotatedBox(int index) {
        Optional<PixelBox> box = boxCache.get(index);
        if (box == null) {
            // The RLE's box walks the runs, which is much cheaper than scanning every mask pixel.
            Rle mask = masks.get(index);
            double[] bbox = mask.toBbox();
            box = mask.area() == 0
                    ? Optional.empty()
                    : Optional.of(new PixelBox((int) bbox[0], (int) bbox[1], (int) bbox[2], (int) bbox[3]));
            boxCache.set(index, box);
        }
        return box;
    }

    @Override
    public byte[] mask(int index) {
        if (maskCache == null) {
            return masks.get(index).toRowMajor();
        }
        byte[] mask = maskCache.get(index);
        if (mask == null) {
            mask = masks.get(index).toRowMajor();
            maskCache.set(index, mask);
        }
        return mask;
    }
}
