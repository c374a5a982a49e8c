package org.backdrop.model.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.backdrop.model.ForegroundMask;
import org.backdrop.model.spec.ModelSpec;
import org.backdrop.model.spec.ModelTask;
import org.backdrop.model.spec.OutputSpec;
import org.backdrop.model.spec.TensorLayout;

/**
 * Runs a segmentation model: images in, one {@link ForegroundMask} per image out, at each image's own
 * size. The output is per-class logits (argmax, then background classes) or a foreground probability
 * channel (threshold); see {@link OutputSpec.ClassLabelMask} and {@link OutputSpec.ForegroundProbability}.
 */
public final class SegmentationTranslator extends ImageBatchTranslator<ForegroundMask> {

    private final OutputSpec output;

    private SegmentationTranslator(Builder builder) {
        super(builder);
        this.output = Objects.requireNonNull(builder.output, "setOutput is required");
        if (output.task() != ModelTask.SEGMENTATION) {
            throw new IllegalArgumentException("a segmentation translator needs a segmentation output, got " + output);
        }
    }

    /** Returns a new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds the translator a segmentation spec describes.
     *
     * @throws IllegalArgumentException if the spec's output is not a segmentation output
     */
    public static SegmentationTranslator fromSpec(ModelSpec spec) {
        return builder().setInput(spec.input()).setPreprocessing(spec.preprocessing()).setOutput(spec.output()).build();
    }

    @Override
    List<ForegroundMask> decode(NDList outputs, List<ImageTransform> transforms) {
        TensorLayout layout = output instanceof OutputSpec.ClassLabelMask mask
                ? mask.layout()
                : ((OutputSpec.ForegroundProbability) output).layout();
        List<ForegroundMask> masks = new ArrayList<>();
        List<MaskDecoder.OutputPlane> planes = planes(outputs, transforms.size(), layout);
        for (int i = 0; i < planes.size(); i++) {
            MaskDecoder.OutputPlane plane = planes.get(i);
            masks.add(MaskDecoder.toOriginalSize(foreground(plane), plane.width(), plane.height(), transforms.get(i)));
        }
        return masks;
    }

    /**
     * Splits the first output, a 4-dimensional tensor in {@code layout} order, into one plane per image.
     *
     * @throws IllegalStateException if the output does not have 4 dimensions with one entry per image
     */
    static List<MaskDecoder.OutputPlane> planes(NDList outputs, int imageCount, TensorLayout layout) {
        NDArray array = OutputArrays.get(outputs, 0);
        long[] shape = OutputArrays.shape(array);
        if (shape.length != 4 || shape[0] != imageCount) {
            throw new IllegalStateException("segmentation output \"" + array.getName() + "\" has the shape " + Arrays.toString(shape)
                    + " for " + imageCount + " image(s); expected 4 dimensions in " + layout + " order");
        }
        int channels = Math.toIntExact(layout == TensorLayout.NCHW ? shape[1] : shape[3]);
        int height = Math.toIntExact(layout == TensorLayout.NCHW ? shape[2] : shape[1]);
        int width = Math.toIntExact(layout == TensorLayout.NCHW ? shape[3] : shape[2]);
        float[] values = OutputArrays.floats(array);
        List<MaskDecoder.OutputPlane> planes = new ArrayList<>();
        for (int i = 0; i < imageCount; i++) {
            planes.add(new MaskDecoder.OutputPlane(values, i * channels * height * width, channels, height, width, layout));
        }
        return planes;
    }

    private byte[] foreground(MaskDecoder.OutputPlane plane) {
        if (output instanceof OutputSpec.ClassLabelMask mask) {
            return MaskDecoder.foregroundFromLabels(plane, Set.copyOf(mask.backgroundClasses()));
        }
        OutputSpec.ForegroundProbability probability = (OutputSpec.ForegroundProbability) output;
        return MaskDecoder.foregroundFromProbability(plane, probability.channel(), probability.activation(), probability.threshold());
    }

    /** Builds a {@link SegmentationTranslator}; {@code setInput}, {@code setPreprocessing} and {@code setOutput} are required. */
    public static final class Builder extends BaseBuilder<Builder> {

        private OutputSpec output;

        private Builder() {}

        /** Sets what the output means: a {@link OutputSpec.ClassLabelMask} or a {@link OutputSpec.ForegroundProbability}; required. */
        public Builder setOutput(OutputSpec newOutput) {
            this.output = newOutput;
            return this;
        }

        /**
         * Builds the translator.
         *
         * @throws NullPointerException if a required setting is missing
         * @throws IllegalArgumentException if the output is not a segmentation output
         */
        public SegmentationTranslator build() {
            return new SegmentationTranslator(this);
        }

        @Override
        Builder self() {
            return this;
        }
    }
}
