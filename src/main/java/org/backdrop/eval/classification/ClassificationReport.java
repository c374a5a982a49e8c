package org.backdrop.eval.classification;

import java.util.List;

/**
 * The metrics of one set of predictions, for example one background variant.
 *
 * @param sampleCount the number of samples
 * @param correctCount how many were predicted right
 * @param accuracy {@code correctCount / sampleCount}, from 0 to 1
 * @param perClassAccuracy for each true class, the share of its samples predicted right (its recall);
 *     NaN for a class without samples
 * @param confusion the confusion matrix
 */
public record ClassificationReport(int sampleCount, int correctCount, double accuracy, List<Double> perClassAccuracy, ConfusionMatrix confusion) {

    /** Copies the list. */
    public ClassificationReport {
        perClassAccuracy = List.copyOf(perClassAccuracy);
    }
}
