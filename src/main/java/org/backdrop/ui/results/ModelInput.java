package org.backdrop.ui.results;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A classifier to evaluate.
 *
 * @param model the model file
 * @param spec its model spec file
 */
public record ModelInput(Path model, Path spec) {

    public ModelInput {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(spec, "spec");
    }

    /** Returns the model's file name, which names its row in the table. */
    public String name() {
        return model.getFileName().toString();
    }
}
