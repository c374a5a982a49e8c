package org.backdrop.eval.classification;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.backdrop.ProgressListener;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.DatasetException;
import org.backdrop.dataset.DatasetFormat;
import org.backdrop.dataset.DatasetImages;
import org.backdrop.dataset.DatasetReaders;
import org.backdrop.dataset.FileLocations;
import org.backdrop.dataset.InvalidSample;
import org.backdrop.dataset.ReadOptions;
import org.backdrop.model.Classifier;
import org.backdrop.model.ModelException;

/**
 * The description of a classification run that another JVM needs to classify batches exactly as this
 * one does: the dataset's path and layout, the batches of {@link ClassifierRunner#plan}, and how to load
 * the classifier. A distributed engine ships it to each executor, which opens it once and calls
 * {@link ClassifierRunner#classify}, the function local runs call, for each of its batches.
 */
public final class ClassificationJob implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * Loads the classifier in the JVM that classifies. {@link #files()} lists the files it reads (the
     * model), which an engine may copy to its executors; {@code localFile} then maps each of
     * them to the executor's copy.
     */
    public interface ClassifierFactory extends Serializable {

        /** Loads the classifier, reading each file of {@link #files()} through {@code localFile}. */
        Classifier create(UnaryOperator<Path> localFile) throws ModelException;

        /** Returns the files the classifier reads. */
        List<Path> files();
    }

    private final String key = UUID.randomUUID().toString();
    private final String input;
    private final String format;
    private final int[][] samples;
    private final int[][] labels;
    private final ClassifierFactory factory;

    /** Describes the classification of {@code dataset}, read from {@code input}, in the batches of {@code plan}. */
    public ClassificationJob(Path input, Dataset dataset, ClassifierRunner.Plan plan, ClassifierFactory factory) {
        this.input = FileLocations.format(input);
        this.format = dataset.format().cliName();
        List<ClassifierRunner.Batch> batches = plan.batches();
        this.samples = new int[batches.size()][];
        this.labels = new int[batches.size()][];
        for (int b = 0; b < batches.size(); b++) {
            samples[b] = batches.get(b).samples().stream().mapToInt(Integer::intValue).toArray();
            labels[b] = batches.get(b).labels().stream().mapToInt(Integer::intValue).toArray();
        }
        this.factory = factory;
    }

    /** Returns a key unique to this job, for keeping an opened job in an executor. */
    public String key() {
        return key;
    }

    /** Returns the number of batches. */
    public int batches() {
        return samples.length;
    }

    /** Returns the files the classifier reads. */
    public List<Path> files() {
        return factory.files();
    }

    /**
     * Reads the dataset and loads the classifier in this JVM.
     *
     * @throws DatasetException when the dataset cannot be read here
     * @throws ModelException when the classifier cannot be loaded here
     */
    public Opened open(UnaryOperator<Path> localFile) throws DatasetException, ModelException {
        Dataset dataset = DatasetReaders.forFormat(DatasetFormat.fromCliName(format)).read(FileLocations.parse(input), ReadOptions.defaults(), ProgressListener.NONE);
        return new Opened(dataset, factory.create(localFile));
    }

    /** A job opened in one JVM, with its classifier. */
    public final class Opened implements AutoCloseable {

        private final Dataset dataset;
        private final Classifier classifier;
        private final DatasetImages images = new DatasetImages();

        private Opened(Dataset dataset, Classifier classifier) {
            this.dataset = dataset;
            this.classifier = classifier;
        }

        /** Classifies batch {@code batch} with {@link ClassifierRunner#classify}. */
        public ClassifierRunner.BatchResult classify(int batch) throws ModelException {
            List<Integer> batchSamples = new ArrayList<>();
            List<Integer> batchLabels = new ArrayList<>();
            for (int k = 0; k < samples[batch].length; k++) {
                batchSamples.add(samples[batch][k]);
                batchLabels.add(labels[batch][k]);
            }
            return ClassifierRunner.classify(classifier, dataset, images, new ClassifierRunner.Batch(batchSamples, batchLabels, List.<InvalidSample>of()));
        }

        /** Returns batch {@code batch} with every sample skipped for {@code reason}, for a batch that failed in every attempt. */
        public ClassifierRunner.BatchResult failed(int batch, String reason) {
            List<InvalidSample> skipped = new ArrayList<>();
            for (int index : samples[batch]) {
                skipped.add(new InvalidSample(dataset.samples().get(index).image().describe(), reason));
            }
            return new ClassifierRunner.BatchResult(List.of(), skipped);
        }

        @Override
        public void close() {
            classifier.close();
        }
    }
}
