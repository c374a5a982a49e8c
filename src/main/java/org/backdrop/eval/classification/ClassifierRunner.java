package org.backdrop.eval.classification;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.backdrop.ProgressListener;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.InvalidSample;
import org.backdrop.dataset.Sample;
import org.backdrop.dataset.SampleImages;
import org.backdrop.image.RgbImage;
import org.backdrop.model.ClassScores;
import org.backdrop.model.Classifier;
import org.backdrop.model.ModelException;

/**
 * Runs a classifier over a dataset, loading at most one batch of images at a time. Samples need exactly
 * one label that the {@link LabelMapping} maps to a model class. Other samples are skipped with a
 * reason, and so are images that cannot be loaded.
 */
public final class ClassifierRunner {

    private ClassifierRunner() {}

    /**
     * The samples of one inference call, as indices into the dataset with their model labels, and the
     * samples skipped for their labels since the previous batch, in dataset order.
     */
    public record Batch(List<Integer> samples, List<Integer> labels, List<InvalidSample> skippedBefore) {

        /** Copies the lists. */
        public Batch {
            samples = List.copyOf(samples);
            labels = List.copyOf(labels);
            skippedBefore = List.copyOf(skippedBefore);
        }
    }

    /**
     * The batches of a run in order, and the samples skipped for their labels after the last batch.
     */
    public record Plan(List<Batch> batches, List<InvalidSample> skippedAfter) {}

    /** The predictions of one batch, and its samples whose image could not be loaded. */
    public record BatchResult(List<Prediction> predictions, List<InvalidSample> skipped) {}

    /**
     * Classifies every labelled sample of {@code dataset}.
     *
     * @throws ModelException if inference fails
     */
    public static ClassificationRun run(Classifier classifier, Dataset dataset, SampleImages images, LabelMapping mapping,
            ProgressListener progress) throws ModelException {
        Plan plan = plan(dataset, mapping, classifier.batchSize());
        List<Prediction> predictions = new ArrayList<>();
        List<InvalidSample> skipped = new ArrayList<>();
        String message = "Classifying " + dataset.root().getFileName();
        int done = 0;
        for (Batch batch : plan.batches()) {
            if (progress.isCancelled()) {
                return new ClassificationRun(predictions, skipped, true);
            }
            skipped.addAll(batch.skippedBefore());
            BatchResult result = classify(classifier, dataset, images, batch);
            predictions.addAll(result.predictions());
            skipped.addAll(result.skipped());
            done += batch.samples().size() + batch.skippedBefore().size();
            progress.progress(done, dataset.samples().size(), message);
        }
        skipped.addAll(plan.skippedAfter());
        return new ClassificationRun(predictions, skipped, false);
    }

    /**
     * Builds the run from the results of {@code plan}'s batches, computed elsewhere, with the skipped
     * samples in the order a local run lists them.
     */
    public static ClassificationRun assemble(Plan plan, List<BatchResult> results) {
        if (results.size() != plan.batches().size()) {
            throw new IllegalArgumentException(plan.batches().size() + " batches but " + results.size() + " results");
        }
        List<Prediction> predictions = new ArrayList<>();
        List<InvalidSample> skipped = new ArrayList<>();
        for (int b = 0; b < results.size(); b++) {
            skipped.addAll(plan.batches().get(b).skippedBefore());
            predictions.addAll(results.get(b).predictions());
            skipped.addAll(results.get(b).skipped());
        }
        skipped.addAll(plan.skippedAfter());
        return new ClassificationRun(predictions, skipped, false);
    }

    /**
     * Splits the labelled samples of {@code dataset} into batches of {@code batchSize}, in dataset order.
     * Every engine uses these batches, so each image meets the model in the same batch as in a local run.
     */
    public static Plan plan(Dataset dataset, LabelMapping mapping, int batchSize) {
        List<Batch> batches = new ArrayList<>();
        List<Integer> samples = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<InvalidSample> skipped = new ArrayList<>();
        int total = dataset.samples().size();
        for (int i = 0; i < total; i++) {
            Sample sample = dataset.samples().get(i);
            OptionalInt label = modelLabel(sample, mapping, skipped);
            if (label.isPresent()) {
                samples.add(i);
                labels.add(label.getAsInt());
            }
            if (samples.size() == batchSize || (i == total - 1 && !samples.isEmpty())) {
                batches.add(new Batch(samples, labels, skipped));
                samples.clear();
                labels.clear();
                skipped.clear();
            }
        }
        return new Plan(batches, skipped);
    }

    private static OptionalInt modelLabel(Sample sample, LabelMapping mapping, List<InvalidSample> skipped) {
        if (sample.labels().size() != 1) {
            skipped.add(new InvalidSample(sample.image().describe(),
                    "has " + sample.labels().size() + " class labels; classification needs exactly one"));
            return OptionalInt.empty();
        }
        OptionalInt label = mapping.modelClass(sample.labels().get(0));
        if (label.isEmpty()) {
            skipped.add(new InvalidSample(sample.image().describe(), "its category " + sample.labels().get(0) + " matches no model class"));
        }
        return label;
    }

    /**
     * Classifies one batch: the work every engine (local, Spark executors) does per batch. A sample whose
     * image cannot be loaded is skipped with the reason.
     *
     * @throws ModelException if inference fails
     */
    public static BatchResult classify(Classifier classifier, Dataset dataset, SampleImages images, Batch batch) throws ModelException {
        List<Prediction> predictions = new ArrayList<>();
        List<InvalidSample> skipped = new ArrayList<>();
        List<RgbImage> loaded = new ArrayList<>();
        List<Integer> loadedIndices = new ArrayList<>();
        for (int k = 0; k < batch.samples().size(); k++) {
            Sample sample = dataset.samples().get(batch.samples().get(k));
            try {
                loaded.add(images.load(dataset, sample));
                loadedIndices.add(k);
            } catch (IOException e) {
                skipped.add(new InvalidSample(sample.image().describe(), "image cannot be loaded: " + e.getMessage()));
            }
        }
        if (loaded.isEmpty()) {
            return new BatchResult(predictions, skipped);
        }
        List<ClassScores> scores = classifier.classify(loaded);
        for (int j = 0; j < loaded.size(); j++) {
            int k = loadedIndices.get(j);
            Sample sample = dataset.samples().get(batch.samples().get(k));
            predictions.add(new Prediction(sample.id(), batch.labels().get(k), scores.get(j).predictedClass()));
        }
        return new BatchResult(predictions, skipped);
    }
}
