package org.backdrop.dataset.cifar;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;
import org.backdrop.dataset.ImageRef;
import org.backdrop.dataset.Sample;

/**
 * The samples of a CIFAR-10 dataset as compact arrays (a label, a batch and a record index per
 * sample, about 10 bytes each), creating each {@link Sample} when it is asked for. 50,000 samples
 * take well under a megabyte.
 */
final class CifarSamples extends AbstractList<Sample> implements RandomAccess {

    private final List<String> batchNames;
    private final short[] batch;
    private final int[] record;
    private final int[] globalIndex;
    private final byte[] label;

    private CifarSamples(Builder builder) {
        this.batchNames = List.copyOf(builder.batchNames);
        this.batch = Arrays.copyOf(builder.batch, builder.size);
        this.record = Arrays.copyOf(builder.record, builder.size);
        this.globalIndex = Arrays.copyOf(builder.globalIndex, builder.size);
        this.label = Arrays.copyOf(builder.label, builder.size);
    }

    @Override
    public Sample get(int index) {
        ImageRef image = new ImageRef.CifarRecord(batchNames.get(batch[index]), record[index]);
        return new Sample(Integer.toString(globalIndex[index]), image, CifarBatches.SIDE, CifarBatches.SIDE,
                List.of(label[index] & 0xFF), List.of());
    }

    @Override
    public int size() {
        return label.length;
    }

    /** Collects samples batch by batch. */
    static final class Builder {

        private final List<String> batchNames = new ArrayList<>();
        private short[] batch = new short[1024];
        private int[] record = new int[1024];
        private int[] globalIndex = new int[1024];
        private byte[] label = new byte[1024];
        private int size;

        /** Starts a new batch file; later {@link #add} calls belong to it. */
        void startBatch(String batchName) {
            if (batchNames.size() == Short.MAX_VALUE) {
                throw new IllegalStateException("more than " + Short.MAX_VALUE + " CIFAR batch files");
            }
            batchNames.add(batchName);
        }

        /** Adds record {@code recordIndex} of the current batch with global id {@code global}. */
        void add(int recordIndex, int global, int labelValue) {
            if (size == label.length) {
                int capacity = size * 2;
                batch = Arrays.copyOf(batch, capacity);
                record = Arrays.copyOf(record, capacity);
                globalIndex = Arrays.copyOf(globalIndex, capacity);
                label = Arrays.copyOf(label, capacity);
            }
            batch[size] = (short) (batchNames.size() - 1);
            record[size] = recordIndex;
            globalIndex[size] = global;
            label[size] = (byte) labelValue;
            size++;
        }

        CifarSamples build() {
            return new CifarSamples(this);
        }
    }
}
