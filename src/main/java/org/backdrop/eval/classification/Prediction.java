package org.backdrop.eval.classification;

import java.util.Objects;

/**
 * A classifier's prediction for one sample.
 *
 * @param sampleId the sample's id in its dataset, the same across the variants made from it
 * @param trueLabel the annotated class index
 * @param predictedLabel the predicted class index
 */
public record Prediction(String sampleId, int trueLabel, int predictedLabel) {

    /** Checks that the id is present. */
    public Prediction {
        Objects.requireNonNull(sampleId, "sampleId");
    }

    /** Returns whether the prediction is right. */
    public boolean isCorrect() {
        return trueLabel == predictedLabel;
    }
}
