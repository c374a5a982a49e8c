package org.backdrop.eval.classification;

import java.util.List;
import org.backdrop.dataset.InvalidSample;

/**
 * A classifier's predictions on one dataset.
 *
 * @param predictions one per classified sample, in dataset order, labels as model output indices
 * @param skipped the samples that could not be classified, with reasons, in the order found: a sample's
 *     labels are checked when the run reaches it, its image is loaded when its batch is full
 * @param cancelled whether the run stopped early because the user cancelled it
 */
public record ClassificationRun(List<Prediction> predictions, List<InvalidSample> skipped, boolean cancelled) {

    /** Copies the lists. */
    public ClassificationRun {
        predictions = List.copyOf(predictions);
        skipped = List.copyOf(skipped);
    }
}
