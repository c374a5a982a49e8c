package org.backdrop.eval.classification;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.DatasetImages;
import org.backdrop.eval.EvaluationInputException;
import org.backdrop.model.Classifier;
import org.backdrop.model.ModelException;
import org.backdrop.model.spec.ModelSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The number of a classifier's outputs and the mapping of a dataset's categories onto them, as both
 * {@code eval-cls} and the studio's Evaluate screen decide them.
 */
public final class ClassifierClasses {

    private static final Logger LOG = LoggerFactory.getLogger(ClassifierClasses.class);

    private ClassifierClasses() {}

    /**
     * Returns the number of model outputs: the number of class names in the spec, or else the length of
     * the scores of one inference on the first sample of {@code first}.
     *
     * @throws EvaluationInputException if the spec has no class names and the dataset has no samples or
     *     its first image cannot be loaded
     * @throws ModelException if the inference fails
     */
    public static int count(Classifier classifier, Dataset first, DatasetImages images) throws ModelException {
        ModelSpec spec = classifier.spec();
        if (!spec.classNames().isEmpty()) {
            return spec.classNames().size();
        }
        if (first.samples().isEmpty()) {
            throw new EvaluationInputException(first.root() + ": the dataset has no samples");
        }
        try {
            return classifier.classify(List.of(images.load(first, first.samples().get(0)))).get(0).classCount();
        } catch (IOException e) {
            throw new EvaluationInputException(first.samples().get(0).image().describe() + ": image cannot be loaded: " + e.getMessage(), e);
        }
    }

    /**
     * Maps the categories of {@code dataset}, read from {@code input}, onto the outputs of a model with
     * {@code spec} and {@code classCount} outputs; see {@link LabelMapping#between}.
     *
     * @throws EvaluationInputException naming {@code input} if neither names nor ids map every category
     */
    public static LabelMapping mapping(Dataset dataset, ModelSpec spec, int classCount, Path input) {
        try {
            LabelMapping mapping = LabelMapping.between(dataset.categories(), spec.classNames(), classCount);
            LOG.debug("{}: categories map to model classes by {}", input, mapping.byName() ? "name" : "id");
            return mapping;
        } catch (IllegalArgumentException e) {
            throw new EvaluationInputException(input + ": " + e.getMessage(), e);
        }
    }
}
