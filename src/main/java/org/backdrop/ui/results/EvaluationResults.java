package org.backdrop.ui.results;

import java.util.List;
import java.util.Optional;

/**
 * The results of one evaluation run: a cell per model and variant, in the order the inputs were given.
 *
 * @param kind whether classifiers or detections were evaluated
 * @param models the row names
 * @param variants the column names, the original first
 * @param cells the results; a model and variant pair without a cell was skipped or cancelled
 * @param classNames the class names of the confusion matrices (classification), or empty
 * @param flips samples right on the original and wrong on a variant, per model and variant
 * @param skipped a line per sample or input that was skipped, with the reason
 * @param cancelled whether the run stopped early on request
 */
public record EvaluationResults(EvaluationKind kind, List<String> models, List<String> variants, List<CellResult> cells,
        List<String> classNames, List<FlippedSample> flips, List<String> skipped, boolean cancelled) {

    /** Copies the lists. */
    public EvaluationResults {
        models = List.copyOf(models);
        variants = List.copyOf(variants);
        cells = List.copyOf(cells);
        classNames = List.copyOf(classNames);
        flips = List.copyOf(flips);
        skipped = List.copyOf(skipped);
    }

    /** Returns the result of {@code model} on {@code variant}, or empty when there is none. */
    public Optional<CellResult> cell(String model, String variant) {
        return cells.stream().filter(cell -> cell.model().equals(model) && cell.variant().equals(variant)).findFirst();
    }
}
