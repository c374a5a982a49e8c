package org.backdrop.train;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.backdrop.background.Resizing;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.DatasetImages;
import org.backdrop.dataset.Sample;
import org.backdrop.image.RgbImage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The labelled samples of one dataset with their output class and their pixels at the network's input
 * size, decoded once and kept in memory (3,072 bytes per 32×32 sample, so about 150 MB for CIFAR-10's
 * 50,000 training images). Not thread-safe.
 */
final class LabelledImages {

    private static final Logger LOG = LoggerFactory.getLogger(LabelledImages.class);

    private final String name;
    private final Dataset dataset;
    private final int[] sampleIndices;
    private final int[] classIndices;
    private final byte[][] pixels;
    private final int size;
    private final DatasetImages images = new DatasetImages();

    private LabelledImages(String name, Dataset dataset, int[] sampleIndices, int[] classIndices, int size) {
        this.name = name;
        this.dataset = dataset;
        this.sampleIndices = sampleIndices;
        this.classIndices = classIndices;
        this.pixels = new byte[sampleIndices.length][];
        this.size = size;
    }

    /**
     * Selects the samples whose first label is one of {@code classes}; samples without a label or with
     * an unknown class are left out and counted in one WARN line.
     */
    static LabelledImages of(String name, Dataset dataset, ClassNames classes, int size) {
        List<Integer> samples = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        int skipped = 0;
        for (int i = 0; i < dataset.samples().size(); i++) {
            Sample sample = dataset.samples().get(i);
            Optional<Integer> label = sample.labels().isEmpty() ? Optional.empty() : classes.indexOf(dataset, sample.labels().get(0));
            if (label.isEmpty()) {
                skipped++;
                continue;
            }
            samples.add(i);
            labels.add(label.get());
        }
        if (skipped > 0) {
            LOG.warn("{}: left out {} samples without an image-level label of a known class", name, skipped);
        }
        return new LabelledImages(name, dataset,
                samples.stream().mapToInt(Integer::intValue).toArray(),
                labels.stream().mapToInt(Integer::intValue).toArray(), size);
    }

    String name() {
        return name;
    }

    int count() {
        return sampleIndices.length;
    }

    int classIndex(int item) {
        return classIndices[item];
    }

    /**
     * Returns the item's pixels as {@code size × size} 8-bit RGB, row-major; the first call decodes the
     * image and stretches it to the input size when it has another size.
     *
     * @throws IOException if the image cannot be read or decoded
     */
    byte[] pixels(int item) throws IOException {
        if (pixels[item] == null) {
            Sample sample = dataset.samples().get(sampleIndices[item]);
            RgbImage image = images.load(dataset, sample);
            if (image.width() != size || image.height() != size) {
                // NOTE: stretching changes the aspect ratio of non-square images; CIFAR-style data is square.
                image = Resizing.stretch(image, size, size);
            }
            pixels[item] = image.pixels();
        }
        return pixels[item];
    }

    /** Returns the sample id of the item, for error messages. */
    String sampleId(int item) {
        return dataset.samples().get(sampleIndices[item]).id();
    }
}
