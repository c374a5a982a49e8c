package org.backdrop.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.backdrop.model.spec.OutputSpec.ScoreKind;

/**
 * A classifier's scores for one image, one per class in the model's class order.
 *
 * @param values the scores as the model output them (logits or probabilities per {@code kind}); the array
 *     is copied on the way in and out
 * @param kind whether {@code values} are logits or probabilities
 */
public record ClassScores(float[] values, ScoreKind kind) {

    /** Copies {@code values}; rejects an empty array. */
    public ClassScores {
        if (values.length == 0) {
            throw new IllegalArgumentException("class scores need at least one class");
        }
        values = values.clone();
    }

    /** Returns a copy of the scores. */
    @Override
    public float[] values() {
        return values.clone();
    }

    /** Returns the number of classes. */
    public int classCount() {
        return values.length;
    }

    /** Returns the index of the highest score; the lowest index wins a tie. */
    public int predictedClass() {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Returns the {@code k} class indices with the highest scores, highest first ({@code k} is capped at the class count). */
    public List<Integer> topClasses(int k) {
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            indices.add(i);
        }
        indices.sort(Comparator.comparingDouble((Integer i) -> -values[i]).thenComparingInt(i -> i));
        return List.copyOf(indices.subList(0, Math.min(k, values.length)));
    }

    /** Returns probabilities that sum to 1: the softmax of logits, or a copy of probabilities. */
    public double[] probabilities() {
        double[] probabilities = new double[values.length];
        if (kind == ScoreKind.PROBABILITIES) {
            for (int i = 0; i < values.length; i++) {
                probabilities[i] = values[i];
            }
            return probabilities;
        }
        double max = values[predictedClass()];
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            probabilities[i] = Math.exp(values[i] - max);
            sum += probabilities[i];
        }
        for (int i = 0; i < values.length; i++) {
            probabilities[i] /= sum;
        }
        return probabilities;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClassScores scores && kind == scores.kind && Arrays.equals(values, scores.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(values) + kind.hashCode();
    }

    @Override
    public String toString() {
        return "ClassScores[" + kind + " " + Arrays.toString(values) + "]";
    }
}
