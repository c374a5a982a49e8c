package org.backdrop.train;

import java.util.Objects;
import org.backdrop.dataset.Dataset;

/**
 * A dataset the classifier is evaluated on after every epoch.
 *
 * @param name the key of its accuracy in metrics and results (usually the path as the user gave it)
 * @param dataset the dataset; samples without a label of a trained class are left out
 */
public record TestSet(String name, Dataset dataset) {

    public TestSet {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dataset, "dataset");
    }
}
