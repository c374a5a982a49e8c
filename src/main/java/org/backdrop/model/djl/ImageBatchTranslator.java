package org.backdrop.model.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Objects;
import org.backdrop.image.RgbImage;
import org.backdrop.model.spec.InputSpec;
import org.backdrop.model.spec.Preprocessing;

/**
 * A translator from a batch of images to one result per image. It builds the whole batch tensor itself
 * (DJL's stacking batchifier needs NDArray operations that the ONNX Runtime engine lacks), stores each
 * image's {@link ImageTransform} in the context, and lets subclasses decode the outputs.
 *
 * @param <R> the result for one image
 */
public abstract class ImageBatchTranslator<R> implements NoBatchifyTranslator<List<RgbImage>, List<R>> {

    private static final String TRANSFORMS = "backdrop.imageTransforms";

    private final InputSpec input;
    private final ImagePreprocessor preprocessor;

    ImageBatchTranslator(BaseBuilder<?> builder) {
        this.input = Objects.requireNonNull(builder.input, "setInput is required");
        Preprocessing preprocessing = Objects.requireNonNull(builder.preprocessing, "setPreprocessing is required");
        this.preprocessor = new ImagePreprocessor(input, preprocessing);
    }

    /** Returns the image input this translator feeds. */
    public InputSpec input() {
        return input;
    }

    /**
     * Resizes and normalises {@code images} into one tensor named after the model input.
     *
     * @throws IllegalArgumentException if {@code images} is empty
     */
    @Override
    public NDList processInput(TranslatorContext context, List<RgbImage> images) {
        ImagePreprocessor.PreparedBatch batch = preprocessor.prepare(images);
        context.setAttachment(TRANSFORMS, batch.transforms());
        NDArray array = context.getNDManager().create(FloatBuffer.wrap(batch.values()), new Shape(batch.shape()));
        array.setName(input.name());
        return new NDList(array);
    }

    /** Decodes the model outputs into one result per image of the batch. */
    @Override
    public List<R> processOutput(TranslatorContext context, NDList outputs) {
        @SuppressWarnings("unchecked")
        List<ImageTransform> transforms = (List<ImageTransform>) context.getAttachment(TRANSFORMS);
        return decode(outputs, transforms);
    }

    /**
     * Decodes the outputs for the batch whose images had {@code transforms}, one per image.
     *
     * @throws IllegalStateException if an output's shape does not fit the spec
     */
    abstract List<R> decode(NDList outputs, List<ImageTransform> transforms);

    /**
     * The builder steps every image translator shares.
     *
     * @param <B> the concrete builder, so that chained calls keep its type
     */
    public abstract static class BaseBuilder<B extends BaseBuilder<B>> {

        private InputSpec input;
        private Preprocessing preprocessing;

        BaseBuilder() {}

        /** Sets the model's image input (name, shape, layout); required. */
        public B setInput(InputSpec newInput) {
            this.input = newInput;
            return self();
        }

        /** Sets how pixels become input values; required. */
        public B setPreprocessing(Preprocessing newPreprocessing) {
            this.preprocessing = newPreprocessing;
            return self();
        }

        abstract B self();
    }
}
