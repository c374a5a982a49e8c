package org.backdrop.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Record;
import ai.djl.util.Progress;
import java.io.IOException;
import java.util.List;
import java.util.Random;

/**
 * A DJL dataset over Backdrop samples in a fixed order: each record is a normalised
 * {@code 3 × size × size} float image and its class index as a 64-bit integer. Batches come out in
 * order, so the data order of a run is the {@link EpochOrder} it was built with.
 *
 * <p>With augmentation on, each position gets its own random stream derived from the seed, the epoch
 * and the position, so the augmented pixels do not depend on which thread loads them.
 */
final class SampleDataset extends RandomAccessDataset {

    private final List<LabelledImages> sources;
    private final EpochOrder order;
    private final Normalization normalization;
    private final int size;
    private final boolean augment;
    private final long seed;
    private final int epoch;

    private SampleDataset(Builder builder) {
        super(builder);
        this.sources = builder.sources;
        this.order = builder.order;
        this.normalization = builder.normalization;
        this.size = builder.size;
        this.augment = builder.augment;
        this.seed = builder.seed;
        this.epoch = builder.epoch;
    }

    /** Builds the training data of one epoch: shuffled order, augmented when {@code augment} is set. */
    static SampleDataset training(List<LabelledImages> sources, EpochOrder order, Normalization normalization, int size,
            int batchSize, boolean augment, long seed, int epoch) {
        Builder builder = new Builder(sources, order, normalization, size);
        builder.augment = augment;
        builder.seed = seed;
        builder.epoch = epoch;
        return builder.setSampling(batchSize, false, false).build();
    }

    /** Builds evaluation data: every item of {@code source} once, in dataset order, not augmented. */
    static SampleDataset evaluation(LabelledImages source, Normalization normalization, int size, int batchSize) {
        Builder builder = new Builder(List.of(source), EpochOrder.sequential(source), normalization, size);
        return builder.setSampling(batchSize, false, false).build();
    }

    @Override
    public Record get(NDManager manager, long index) throws IOException {
        int position = Math.toIntExact(index);
        LabelledImages source = sources.get(order.sources()[position]);
        int item = order.items()[position];

        byte[] rgb;
        try {
            rgb = source.pixels(item);
        } catch (IOException e) {
            throw new IOException(source.name() + ": sample " + source.sampleId(item) + " cannot be read: " + e.getMessage(), e);
        }
        Random random = augment ? new Random(Seeds.derive(seed, epoch, position, 1)) : null;
        float[] input = CifarAugmentation.toInput(rgb, size, normalization, random);

        // NOTE: on a GPU the trainer's manager creates each record on the device, one small copy per
        // image. Batching on the CPU first would copy once per batch; it has not been measured.
        NDList data = new NDList(manager.create(input, new Shape(3, size, size)));
        NDList label = new NDList(manager.create((long) source.classIndex(item)));
        return new Record(data, label);
    }

    @Override
    protected long availableSize() {
        return order.size();
    }

    @Override
    public void prepare(Progress progress) {
        // Pixels load lazily in get(); there is nothing to download or unpack.
    }

    private static final class Builder extends BaseBuilder<Builder> {

        private final List<LabelledImages> sources;
        private final EpochOrder order;
        private final Normalization normalization;
        private final int size;
        private boolean augment;
        private long seed;
        private int epoch;

        private Builder(List<LabelledImages> sources, EpochOrder order, Normalization normalization, int size) {
            this.sources = sources;
            this.order = order;
            this.normalization = normalization;
            this.size = size;
        }

        @Override
        protected Builder self() {
            return this;
        }

        private SampleDataset build() {
            return new SampleDataset(this);
        }
    }
}
