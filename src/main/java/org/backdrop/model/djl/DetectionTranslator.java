package org.backdrop.model.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.backdrop.dataset.BoundingBox;
import org.backdrop.model.Detection;
import org.backdrop.model.spec.ModelSpec;
import org.backdrop.model.spec.ModelTask;
import org.backdrop.model.spec.OutputSpec;

/**
 * Runs a detector: images in, one list of {@link Detection}s per image out, with boxes in the pixels of
 * each original image, clipped to it, highest score first. The output is a torchvision-style
 * boxes/labels/scores triple or a grid that a named decoder reads (then non-maximum suppression).
 */
public final class DetectionTranslator extends ImageBatchTranslator<List<Detection>> {

    private final OutputSpec output;
    private final List<String> classNames;

    private DetectionTranslator(Builder builder) {
        super(builder);
        this.output = Objects.requireNonNull(builder.output, "setOutput is required");
        if (output.task() != ModelTask.DETECTION) {
            throw new IllegalArgumentException("a detection translator needs a detection output, got " + output);
        }
        this.classNames = List.copyOf(builder.classNames);
    }

    /** Returns a new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds the translator a detection spec describes.
     *
     * @throws IllegalArgumentException if the spec's output is not a detection output
     */
    public static DetectionTranslator fromSpec(ModelSpec spec) {
        return builder().setInput(spec.input()).setPreprocessing(spec.preprocessing()).setOutput(spec.output())
                .optClassNames(spec.classNames()).build();
    }

    @Override
    List<List<Detection>> decode(NDList outputs, List<ImageTransform> transforms) {
        if (output instanceof OutputSpec.GridDetections grid) {
            return decodeGrid(OutputArrays.get(outputs, 0), grid, transforms);
        }
        if (transforms.size() != 1) {
            throw new IllegalStateException("torchvision detection outputs hold one image, but the batch had " + transforms.size());
        }
        double threshold = ((OutputSpec.TorchvisionDetections) output).scoreThreshold();
        List<BoxCandidate> boxes = TorchvisionDetectionDecoder.decode(OutputArrays.floats(OutputArrays.get(outputs, 0)),
                OutputArrays.longs(OutputArrays.get(outputs, 1)), OutputArrays.floats(OutputArrays.get(outputs, 2)), threshold);
        boxes.sort((a, b) -> Double.compare(b.score(), a.score()));
        return List.of(toDetections(boxes, transforms.get(0)));
    }

    private List<List<Detection>> decodeGrid(NDArray array, OutputSpec.GridDetections grid, List<ImageTransform> transforms) {
        long[] shape = OutputArrays.shape(array);
        if (shape.length != 4 || shape[0] != transforms.size()) {
            throw new IllegalStateException("grid output \"" + array.getName() + "\" has the shape " + Arrays.toString(shape)
                    + " for " + transforms.size() + " image(s); expected [images, 5 + classes, rows, columns]");
        }
        int channels = Math.toIntExact(shape[1]);
        int rows = Math.toIntExact(shape[2]);
        int columns = Math.toIntExact(shape[3]);
        float[] values = OutputArrays.floats(array);
        List<List<Detection>> results = new ArrayList<>();
        for (int i = 0; i < transforms.size(); i++) {
            ImageTransform transform = transforms.get(i);
            List<BoxCandidate> candidates = FastestDetDecoder.decode(values, i * channels * rows * columns, channels, rows, columns,
                    transform.inputWidth(), transform.inputHeight(), grid.scoreThreshold());
            List<BoxCandidate> kept = NonMaxSuppression.apply(candidates, grid.nmsIou(), grid.classAgnosticNms());
            results.add(toDetections(kept, transform));
        }
        return results;
    }

    /** Maps boxes from input pixels to the original image, clips them to it and attaches class names. */
    private List<Detection> toDetections(List<BoxCandidate> boxes, ImageTransform transform) {
        List<Detection> detections = new ArrayList<>();
        for (BoxCandidate box : boxes) {
            double x1 = clip(transform.toOriginalX(box.x1()), transform.originalWidth());
            double y1 = clip(transform.toOriginalY(box.y1()), transform.originalHeight());
            double x2 = clip(transform.toOriginalX(box.x2()), transform.originalWidth());
            double y2 = clip(transform.toOriginalY(box.y2()), transform.originalHeight());
            String name = box.classIndex() < classNames.size() ? classNames.get(box.classIndex()) : Integer.toString(box.classIndex());
            detections.add(new Detection(box.classIndex(), name, box.score(), new BoundingBox(x1, y1, x2 - x1, y2 - y1)));
        }
        return detections;
    }

    private static double clip(double value, int size) {
        return Math.max(0, Math.min(size, value));
    }

    /** Builds a {@link DetectionTranslator}; {@code setInput}, {@code setPreprocessing} and {@code setOutput} are required. */
    public static final class Builder extends BaseBuilder<Builder> {

        private OutputSpec output;
        private List<String> classNames = List.of();

        private Builder() {}

        /** Sets what the outputs mean: {@link OutputSpec.TorchvisionDetections} or {@link OutputSpec.GridDetections}; required. */
        public Builder setOutput(OutputSpec newOutput) {
            this.output = newOutput;
            return this;
        }

        /** Sets the class names in output order; without them a detection's class name is its index. */
        public Builder optClassNames(List<String> newClassNames) {
            this.classNames = newClassNames;
            return this;
        }

        /**
         * Builds the translator.
         *
         * @throws NullPointerException if a required setting is missing
         * @throws IllegalArgumentException if the output is not a detection output
         */
        public DetectionTranslator build() {
            return new DetectionTranslator(this);
        }

        @Override
        Builder self() {
            return this;
        }
    }
}
