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
     * Classifies every labelled sample of {@code dataset}.
     *
     * @throws ModelException if inference fails
     */
    public static ClassificationRun run(Classifier classifier, Dataset dataset, SampleImages images, LabelMapping mapping,
            ProgressListener progress) throws ModelException {
        List<Prediction> predictions = new ArrayList<>();
        List<InvalidSample> skipped = new ArrayList<>();
        List<Sample> batch = new ArrayList<>();
        List<Integer> batchLabels = new ArrayList<>();
        int total = dataset.samples().size();
        String message = "Classifying " + dataset.root().getFileName();

        for (int i = 0; i < total; i++) {
            if (progress.isCancelled()) {
                return new ClassificationRun(predictions, skipped, true);
            }
            Sample sample = dataset.samples().get(i);
            OptionalInt label = modelLabel(sample, mapping, skipped);
            if (label.isPresent()) {
                batch.add(sample);
                batchLabels.add(label.getAsInt());
            }
            if (batch.size() == classifier.batchSize() || (i == total - 1 && !batch.isEmpty())) {
                classifyBatch(classifier, dataset, images, batch, batchLabels, predictions, skipped);
                batch.clear();
                batchLabels.clear();
                progress.progress(i + 1, total, message);
            }
        }
        return new ClassificationRun(predictions, skipped, false);
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

    private static void classifyBatch(Classifier classifier, Dataset dataset, SampleImages images, List<Sample> batch, List<Integer> labels,
            List<Prediction> predictions, List<InvalidSample> skipped) throws ModelException {
        List<RgbImage> loaded = new ArrayList<>();
        List<Integer> loadedIndices = new ArrayList<>();
        for (int k = 0; k < batch.size(); k++) {
            try {
                loaded.add(images.load(dataset, batch.get(k)));
                loadedIndices.add(k);
            } catch (IOException e) {
                skipped.add(new InvalidSample(batch.get(k).image().describe(), "image cannot be loaded: " + e.getMessage()));
            }
        }
        if (loaded.isEmpty()) {
            return;
        }
        List<ClassScores> scores = classifier.classify(loaded);
        for (int j = 0; j < loaded.size(); j++) {
            int k = loadedIndices.get(j);
            predictions.add(new Prediction(batch.get(k).id(), labels.get(k), scores.get(j).predictedClass()));
        }
    }
}
