package org.backdrop.model.djl;

import java.util.Set;
import org.backdrop.model.ForegroundMask;
import org.backdrop.model.ForegroundProbabilities;
import org.backdrop.model.spec.OutputSpec.Activation;
import org.backdrop.model.spec.TensorLayout;

/**
 * Turns one image's segmentation output into a foreground mask or foreground probabilities: first at the
 * output's resolution, then at the original image size by nearest-neighbour sampling at pixel centres.
 */
final class MaskDecoder {

    private MaskDecoder() {}

    /**
     * The per-image slice of a segmentation output: {@code values[offset ...]} contains
     * {@code channels * height * width} values in {@code layout} order (NCHW: channel planes; NHWC:
     * channels innermost).
     */
    record OutputPlane(float[] values, int offset, int channels, int height, int width, TensorLayout layout) {

        float get(int channel, int y, int x) {
            if (layout == TensorLayout.NCHW) {
                return values[offset + (channel * height + y) * width + x];
            }
            return values[offset + (y * width + x) * channels + channel];
        }
    }

    /**
     * Labels each output pixel with the argmax over the classes (the lowest class wins a tie) and marks it
     * foreground unless the label is in {@code backgroundClasses}.
     *
     * @return {@code height * width} bytes, row by row, 1 for foreground
     */
    static byte[] foregroundFromLabels(OutputPlane plane, Set<Integer> backgroundClasses) {
        byte[] mask = new byte[plane.height() * plane.width()];
        for (int y = 0; y < plane.height(); y++) {
            for (int x = 0; x < plane.width(); x++) {
                int best = 0;
                float bestValue = plane.get(0, y, x);
                for (int c = 1; c < plane.channels(); c++) {
                    float value = plane.get(c, y, x);
                    if (value > bestValue) {
                        best = c;
                        bestValue = value;
                    }
                }
                mask[y * plane.width() + x] = backgroundClasses.contains(best) ? (byte) 0 : (byte) 1;
            }
        }
        return mask;
    }

    /**
     * Marks an output pixel foreground when the probability of {@code channel}, after {@code activation},
     * is greater than {@code threshold}.
     *
     * @return {@code height * width} bytes, row by row, 1 for foreground
     */
    static byte[] foregroundFromProbability(OutputPlane plane, int channel, Activation activation, double threshold) {
        float[] probabilities = probabilities(plane, channel, activation);
        byte[] mask = new byte[probabilities.length];
        for (int i = 0; i < probabilities.length; i++) {
            mask[i] = probabilities[i] > threshold ? (byte) 1 : (byte) 0;
        }
        return mask;
    }

    /**
     * Returns the probability of {@code channel} after {@code activation} for each output pixel.
     *
     * @return {@code height * width} values, row by row
     */
    static float[] probabilities(OutputPlane plane, int channel, Activation activation) {
        float[] probabilities = new float[plane.height() * plane.width()];
        for (int y = 0; y < plane.height(); y++) {
            for (int x = 0; x < plane.width(); x++) {
                probabilities[y * plane.width() + x] = (float) probability(plane, channel, activation, y, x);
            }
        }
        return probabilities;
    }

    private static double probability(OutputPlane plane, int channel, Activation activation, int y, int x) {
        double value = plane.get(channel, y, x);
        switch (activation) {
            case SIGMOID:
                return 1 / (1 + Math.exp(-value));
            case SOFTMAX: {
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < plane.channels(); c++) {
                    max = Math.max(max, plane.get(c, y, x));
                }
                double sum = 0;
                for (int c = 0; c < plane.channels(); c++) {
                    sum += Math.exp(plane.get(c, y, x) - max);
                }
                return Math.exp(value - max) / sum;
            }
            default:
                return value;
        }
    }

    /**
     * Resamples an output-resolution mask to the original image. Each original pixel centre is mapped into
     * the model input through {@code transform}, then scaled to the output grid, and takes the nearest
     * output pixel. Original pixels that fall outside the input (cut off by a centre crop) are background.
     */
    static ForegroundMask toOriginalSize(byte[] outputMask, int outputWidth, int outputHeight, ImageTransform transform) {
        int[] sources = outputIndices(outputWidth, outputHeight, transform);
        byte[] pixels = new byte[sources.length];
        for (int i = 0; i < sources.length; i++) {
            if (sources[i] >= 0) {
                pixels[i] = outputMask[sources[i]];
            }
        }
        return new ForegroundMask(transform.originalWidth(), transform.originalHeight(), pixels);
    }

    /**
     * Resamples output-resolution probabilities to the original image in the same way as
     * {@link #toOriginalSize}: pixels outside the model input get probability 0.
     */
    static ForegroundProbabilities probabilitiesToOriginalSize(float[] outputProbabilities, int outputWidth, int outputHeight,
            ImageTransform transform) {
        int[] sources = outputIndices(outputWidth, outputHeight, transform);
        float[] values = new float[sources.length];
        for (int i = 0; i < sources.length; i++) {
            if (sources[i] >= 0) {
                values[i] = outputProbabilities[sources[i]];
            }
        }
        return new ForegroundProbabilities(transform.originalWidth(), transform.originalHeight(), values);
    }

    /** Returns, for each original pixel row by row, the index of its nearest output pixel, or -1 outside the input. */
    private static int[] outputIndices(int outputWidth, int outputHeight, ImageTransform transform) {
        int width = transform.originalWidth();
        int height = transform.originalHeight();
        int[] columns = sampleIndices(width, transform.scaleX(), transform.offsetX(), transform.inputWidth(), outputWidth);
        int[] rows = sampleIndices(height, transform.scaleY(), transform.offsetY(), transform.inputHeight(), outputHeight);
        int[] indices = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                indices[y * width + x] = rows[y] < 0 || columns[x] < 0 ? -1 : rows[y] * outputWidth + columns[x];
            }
        }
        return indices;
    }

    /** Returns, for each original coordinate, the output index whose cell contains its centre, or -1 outside the input. */
    private static int[] sampleIndices(int originalSize, double scale, double offset, int inputSize, int outputSize) {
        int[] indices = new int[originalSize];
        for (int i = 0; i < originalSize; i++) {
            double inputCoordinate = (i + 0.5) * scale + offset;
            if (inputCoordinate < 0 || inputCoordinate >= inputSize) {
                indices[i] = -1;
            } else {
                int index = (int) Math.floor(inputCoordinate * outputSize / inputSize);
                indices[i] = Math.min(outputSize - 1, index);
            }
        }
        return indices;
    }
}
