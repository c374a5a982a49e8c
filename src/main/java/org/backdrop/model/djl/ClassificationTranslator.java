package org.backdrop.model.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.backdrop.model.ClassScores;
import org.backdrop.model.spec.ModelSpec;
import org.backdrop.model.spec.OutputSpec;
import org.backdrop.model.spec.OutputSpec.ScoreKind;

/** Runs a classifier: images in, one {@link ClassScores} per image out, from an output of shape [batch, classes]. */
public final class ClassificationTranslator extends ImageBatchTranslator<ClassScores> {

    private final ScoreKind scoreKind;

    private ClassificationTranslator(Builder builder) {
        super(builder);
        this.scoreKind = builder.scoreKind;
    }

    /** Returns a new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds the translator a classification spec describes.
     *
     * @throws IllegalArgumentException if the spec's output is not a classification output
     */
    public static ClassificationTranslator fromSpec(ModelSpec spec) {
        if (!(spec.output() instanceof OutputSpec.ClassScores scores)) {
            throw new IllegalArgumentException(spec.source() + " describes a " + spec.task() + " model, not a classifier");
        }
        return builder().setInput(spec.input()).setPreprocessing(spec.preprocessing()).optScoreKind(scores.kind()).build();
    }

    @Override
    List<ClassScores> decode(NDList outputs, List<ImageTransform> transforms) {
        NDArray output = OutputArrays.get(outputs, 0);
        long[] shape = OutputArrays.shape(output);
        if (shape.length != 2 || shape[0] != transforms.size()) {
            throw new IllegalStateException("classifier output \"" + output.getName() + "\" has the shape " + Arrays.toString(shape)
                    + " for " + transforms.size() + " image(s); expected [images, classes]");
        }
        float[] values = OutputArrays.floats(output);
        int classes = Math.toIntExact(shape[1]);
        List<ClassScores> results = new ArrayList<>();
        for (int i = 0; i < transforms.size(); i++) {
            results.add(new ClassScores(Arrays.copyOfRange(values, i * classes, (i + 1) * classes), scoreKind));
        }
        return results;
    }

    /** Builds a {@link ClassificationTranslator}; {@code setInput} and {@code setPreprocessing} are required. */
    public static final class Builder extends BaseBuilder<Builder> {

        private ScoreKind scoreKind = ScoreKind.LOGITS;

        private Builder() {}

        /** Sets whether the output contains logits (the default) or probabilities. */
        public Builder optScoreKind(ScoreKind newScoreKind) {
            this.scoreKind = newScoreKind;
            return this;
        }

        /**
         * Builds the translator.
         *
         * @throws NullPointerException if a required setting is missing
         */
        public ClassificationTranslator build() {
            return new ClassificationTranslator(this);
        }

        @Override
        Builder self() {
            return this;
        }
    }
}
