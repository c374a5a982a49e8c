package org.backdrop.ui.results;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backdrop.ProgressListener;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.DatasetException;
import org.backdrop.dataset.DatasetImages;
import org.backdrop.dataset.DatasetReaders;
import org.backdrop.dataset.InvalidSample;
import org.backdrop.dataset.ReadOptions;
import org.backdrop.dataset.Sample;
import org.backdrop.eval.EvaluationInputException;
import org.backdrop.eval.classification.ClassificationMetrics;
import org.backdrop.eval.classification.ClassificationReport;
import org.backdrop.eval.classification.ClassificationRun;
import org.backdrop.eval.classification.ClassifierClasses;
import org.backdrop.eval.classification.ClassifierRunner;
import org.backdrop.eval.classification.LabelMapping;
import org.backdrop.eval.classification.Prediction;
import org.backdrop.eval.classification.VariantComparison;
import org.backdrop.model.Classifier;
import org.backdrop.model.ModelException;
import org.backdrop.model.ModelOptions;
import org.backdrop.model.spec.ModelSpec;
import org.backdrop.model.spec.ModelSpecException;
import org.backdrop.model.spec.ModelSpecReader;

/**
 * Runs classifiers on the original dataset and its variants with the calls {@code eval-cls} makes:
 * {@link ClassifierRunner} for predictions, {@link ClassificationMetrics} for accuracy, the confusion
 * matrix and the samples that flip between the original and a variant (paired by sample id).
 */
final class ClassifierEvaluation {

    private final ClassifierFiles.Opener opener;
    private final ModelOptions options;

    ClassifierEvaluation(ClassifierFiles.Opener opener, ModelOptions options) {
        this.opener = opener;
        this.options = options;
    }

    /**
     * Evaluates every model on every variant; the first variant is the original.
     *
     * @throws EvaluationException if a dataset, spec or model cannot be read, or a dataset's classes do
     *     not fit a model; the message names the file
     */
    EvaluationResults run(List<ModelInput> models, List<VariantInput> variants, ProgressListener progress)
            throws EvaluationException, ModelException {
        StagedProgress staged = new StagedProgress(progress, variants.size() * (models.size() + 1));
        List<Dataset> datasets = new ArrayList<>();
        for (int i = 0; i < variants.size(); i++) {
            staged.start(i, "Reading " + variants.get(i).name());
            datasets.add(read(variants.get(i), staged));
        }

        List<String> skipped = new ArrayList<>();
        for (int i = 0; i < variants.size(); i++) {
            for (InvalidSample invalid : datasets.get(i).invalid()) {
                skipped.add(variants.get(i).name() + ": " + invalid.file() + ": " + invalid.reason());
            }
        }
        List<CellResult> cells = new ArrayList<>();
        List<FlippedSample> flips = new ArrayList<>();
        List<String> classNames = List.of();
        boolean cancelled = false;
        DatasetImages images = new DatasetImages();
        for (int m = 0; m < models.size() && !cancelled; m++) {
            ModelInput model = models.get(m);
            ModelSpec spec = readSpec(model);
            try (Classifier classifier = open(model, spec)) {
                int classCount = classCount(classifier, datasets.get(0), images);
                classNames = classNames.isEmpty() ? names(spec, datasets.get(0), classCount) : classNames;
                List<Prediction> original = List.of();
                for (int v = 0; v < variants.size(); v++) {
                    VariantInput variant = variants.get(v);
                    staged.start(variants.size() * (m + 1) + v, model.name() + " on " + variant.name());
                    LabelMapping mapping = mapping(datasets.get(v), spec, classCount, variant);
                    ClassificationRun run = ClassifierRunner.run(classifier, datasets.get(v), images, mapping, staged);
                    run.skipped().forEach(sample -> skipped.add(model.name() + " on " + variant.name() + ": " + sample.file() + ": " + sample.reason()));
                    if (run.cancelled()) {
                        cancelled = true;
                        break;
                    }
                    if (run.predictions().isEmpty()) {
                        skipped.add(model.name() + " on " + variant.name() + ": no sample could be classified; each sample needs one class label");
                        continue;
                    }
                    ClassificationReport report = ClassificationMetrics.evaluate(run.predictions(), classCount);
                    cells.add(new CellResult(model.name(), variant.name(), report, null));
                    if (v == 0) {
                        original = run.predictions();
                    } else if (!original.isEmpty()) {
                        flips.addAll(flips(model.name(), variant.name(), original, run.predictions(), datasets.get(0), datasets.get(v),
                                classNames, skipped));
                    }
                }
            }
        }
        List<String> modelNames = models.stream().map(ModelInput::name).toList();
        List<String> variantNames = variants.stream().map(VariantInput::name).toList();
        return new EvaluationResults(EvaluationKind.CLASSIFICATION, modelNames, variantNames, cells, classNames, flips, skipped, cancelled);
    }

    /** Reads {@code variant}'s dataset in the format it is detected as. */
    static Dataset read(VariantInput variant, ProgressListener progress) throws EvaluationException {
        try {
            return DatasetReaders.detect(variant.path()).read(variant.path(), ReadOptions.defaults(), progress);
        } catch (DatasetException e) {
            throw new EvaluationException(variant.path() + ": cannot be read as a dataset: " + e.getMessage(), e);
        }
    }

    private static ModelSpec readSpec(ModelInput model) throws EvaluationException {
        try {
            return ModelSpecReader.read(model.spec());
        } catch (ModelSpecException e) {
            throw new EvaluationException(e.getMessage(), e);
        }
    }

    private Classifier open(ModelInput model, ModelSpec spec) throws EvaluationException, ModelException {
        try {
            return opener.open(model.model(), spec, options);
        } catch (ModelSpecException e) {
            throw new EvaluationException(e.getMessage(), e);
        }
    }

    private static int classCount(Classifier classifier, Dataset first, DatasetImages images) throws EvaluationException, ModelException {
        try {
            return ClassifierClasses.count(classifier, first, images);
        } catch (EvaluationInputException e) {
            throw new EvaluationException(e.getMessage(), e);
        }
    }

    private static LabelMapping mapping(Dataset dataset, ModelSpec spec, int classCount, VariantInput variant) throws EvaluationException {
        try {
            return ClassifierClasses.mapping(dataset, spec, classCount, variant.path());
        } catch (EvaluationInputException e) {
            throw new EvaluationException(e.getMessage(), e);
        }
    }

    /** Returns the model's class names, or the original's category names by id when the spec has none. */
    private static List<String> names(ModelSpec spec, Dataset original, int classCount) {
        if (!spec.classNames().isEmpty()) {
            return spec.classNames();
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c < classCount; c++) {
            int id = c;
            names.add(original.category(id).map(category -> category.name()).orElse(Integer.toString(id)));
        }
        return names;
    }

    /**
     * Returns the samples of {@code predictions} that are wrong on the variant and right in {@code original}
     * (paired by sample id), in the original's order, with the class names looked up in {@code classNames}.
     * When the predictions cannot be paired (a repeated id), a line in {@code skipped} gives the reason.
     */
    static List<FlippedSample> flips(String model, String variant, List<Prediction> original, List<Prediction> predictions,
            Dataset originalDataset, Dataset variantDataset, List<String> classNames, List<String> skipped) {
        VariantComparison comparison;
        try {
            comparison = ClassificationMetrics.compare(original, predictions);
        } catch (IllegalArgumentException e) {
            skipped.add(model + " on " + variant + ": no flipped samples: " + e.getMessage());
            return List.of();
        }
        Map<String, Prediction> byId = new HashMap<>();
        predictions.forEach(prediction -> byId.put(prediction.sampleId(), prediction));
        Map<String, Sample> originalSamples = samplesById(originalDataset);
        Map<String, Sample> variantSamples = samplesById(variantDataset);
        List<FlippedSample> flipped = new ArrayList<>();
        for (String id : comparison.flips()) {
            Prediction after = byId.get(id);
            flipped.add(new FlippedSample(model, variant, originalDataset, originalSamples.get(id), variantDataset, variantSamples.get(id),
                    className(classNames, after.trueLabel()), className(classNames, after.predictedLabel())));
        }
        return flipped;
    }

    private static Map<String, Sample> samplesById(Dataset dataset) {
        Map<String, Sample> samples = new LinkedHashMap<>();
        dataset.samples().forEach(sample -> samples.put(sample.id(), sample));
        return samples;
    }

    private static String className(List<String> classNames, int index) {
        return index < classNames.size() ? classNames.get(index) : Integer.toString(index);
    }
}
