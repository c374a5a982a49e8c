package org.backdrop.store;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One metric value of a run: per epoch for training, per background variant for evaluation, or both.
 *
 * @param epoch the epoch, counted from 1, empty when the value is not per epoch
 * @param variant the background variant (such as {@code original} or {@code mixed_rand}), empty when not per variant
 * @param name the metric's name, such as {@code loss}, {@code accuracy} or {@code AP50}
 * @param value the value; accuracies and APs are fractions from 0 to 1
 */
public record MetricRow(OptionalInt epoch, Optional<String> variant, String name, double value) {

    public MetricRow {
        Objects.requireNonNull(epoch, "epoch");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(name, "name");
    }

    /** Returns a training metric of one epoch. */
    public static MetricRow ofEpoch(int epoch, String name, double value) {
        return new MetricRow(OptionalInt.of(epoch), Optional.empty(), name, value);
    }

    /** Returns an evaluation metric of one background variant. */
    public static MetricRow ofVariant(String variant, String name, double value) {
        return new MetricRow(OptionalInt.empty(), Optional.of(variant), name, value);
    }
}
