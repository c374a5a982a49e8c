package org.backdrop.model;

/**
 * How to run a model.
 *
 * @param device the requested device
 * @param batchSize images per inference call, at least 1; a model whose input has a fixed batch size
 *     runs with that size instead
 * @param threads ONNX Runtime's intra-op threads, or 0 for its default (one per core)
 */
public record ModelOptions(DeviceRequest device, int batchSize, int threads) {

    /** The default batch size, small enough for large models on the CPU. */
    public static final int DEFAULT_BATCH_SIZE = 8;

    /** Checks the values. */
    public ModelOptions {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be 0 (ONNX Runtime's default) or more, got " + threads);
        }
    }

    /** Returns automatic device choice, batch size {@value #DEFAULT_BATCH_SIZE} and default threads. */
    public static ModelOptions defaults() {
        return new ModelOptions(DeviceRequest.AUTO, DEFAULT_BATCH_SIZE, 0);
    }

    /** Returns these options with another device request. */
    public ModelOptions withDevice(DeviceRequest newDevice) {
        return new ModelOptions(newDevice, batchSize, threads);
    }

    /** Returns these options with another batch size. */
    public ModelOptions withBatchSize(int newBatchSize) {
        return new ModelOptions(device, newBatchSize, threads);
    }
}
