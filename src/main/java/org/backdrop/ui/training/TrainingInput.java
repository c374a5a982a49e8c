package org.backdrop.ui.training;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A dataset in the training mix.
 *
 * @param path the dataset folder
 * @param weight how many times its labelled samples are drawn per epoch, at least 0 ({@code --train PATH=WEIGHT})
 */
public record TrainingInput(Path path, double weight) {

    public TrainingInput {
        Objects.requireNonNull(path, "path");
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("dataset weight must be a finite number of at least 0, got " + weight);
        }
    }
}
