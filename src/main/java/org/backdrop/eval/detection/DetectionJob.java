package org.backdrop.eval.detection;

import java.io.Serializable;
import java.nio.file.Path;
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
import org.backdrop.dataset.Sample;
import org.backdrop.model.Detector;
import org.backdrop.model.ModelException;

/**
 * The description of a detection run that another JVM needs to detect objects exactly as this one
 * does: the dataset's path or Hadoop URI and layout, its sample ids in order, the batch size, and how to load the
 * detector. A distributed engine ships it to each executor, which opens it once and calls
 * {@link DetectorRunner#detect}, the function local runs call, for each of its batches. The batches
 * are those of a local run, so every image meets the model in the same batch.
 */
public final class DetectionJob implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * Loads the detector in the JVM that detects. {@link #files()} lists the files it reads, which an
     * engine may copy to its executors; {@code localFile} then maps each of them to the executor's copy.
     */
    public interface DetectorFactory extends Serializable {

        /** Loads the detector, reading each file of {@link #files()} through {@code localFile}. */
        Detector create(UnaryOperator<Path> localFile) throws ModelException;

        /** Returns the files the detector reads. */
        List<Path> files();
    }

    private final String key = UUID.randomUUID().toString();
    private final String input;
    private final String format;
    private final String[] sampleIds;
    private final int batchSize;
    private final DetectorFactory factory;

    /**
     * Describes the detection of every sample of {@code dataset}, read from {@code input}, {@code batchSize}
     * images per inference call.
     */
    public DetectionJob(Path input, Dataset dataset, int batchSize, DetectorFactory factory) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        this.input = FileLocations.format(input);
        this.format = dataset.format().cliName();
        this.sampleIds = dataset.samples().stream().map(Sample::id).toArray(String[]::new);
        this.batchSize = batchSize;
        this.factory = factory;
    }

    /** Returns a key unique to this job, for keeping an opened job in an executor. */
    public String key() {
        return key;
    }

    /** Returns the number of batches. */
    public int batches() {
        return (sampleIds.length + batchSize - 1) / batchSize;
    }

    /** Returns the position of the first sample of batch {@code batch}. */
    public int batchStart(int batch) {
        return batch * batchSize;
    }

    /** Returns the position after the last sample of batch {@code batch}. */
    public int batchEnd(int batch) {
        return Math.min(sampleIds.length, (batch + 1) * batchSize);
    }

    /** Returns the id of the sample at {@code position}. */
    public String sampleId(int position) {
        return sampleIds[position];
    }

    /** Returns the files the detector reads. */
    public List<Path> files() {
        return factory.files();
    }

    /**
     * Reads the dataset and loads the detector in this JVM.
     *
     * @throws DatasetException when the dataset cannot be read here, or its samples differ from this job's
     * @throws ModelException when the detector cannot be loaded here
     */
    public Opened open(UnaryOperator<Path> localFile) throws DatasetException, ModelException {
        Dataset dataset = DatasetReaders.forFormat(DatasetFormat.fromCliName(format)).read(FileLocations.parse(input), ReadOptions.defaults(), ProgressListener.NONE);
        List<Sample> samples = dataset.samples();
        // Image ids are sample positions, so every machine must list the same samples in the same order.
        if (samples.size() != sampleIds.length) {
            throw new DatasetException(input + ": has " + samples.size() + " samples here but " + sampleIds.length
                    + " where the job was planned; every machine must see the same dataset");
        }
        for (int i = 0; i < sampleIds.length; i++) {
            if (!samples.get(i).id().equals(sampleIds[i])) {
                throw new DatasetException(input + ": sample " + (i + 1) + " is " + samples.get(i).id() + " here but " + sampleIds[i]
                        + " where the job was planned; every machine must see the same dataset");
            }
        }
        return new Opened(dataset, factory.create(localFile));
    }

    /** A job opened in one JVM, with its detector. */
    public static final class Opened implements AutoCloseable {

        private final Dataset dataset;
        private final Detector detector;
        private final DatasetImages images = new DatasetImages();

        private Opened(Dataset dataset, Detector detector) {
            this.dataset = dataset;
            this.detector = detector;
        }

        /**
         * Detects objects in samples {@code start} to {@code end} (exclusive) in one inference call, with
         * {@link DetectorRunner#detect}.
         */
        public DetectorRunner.Run detect(int start, int end) throws ModelException {
            return DetectorRunner.detect(detector, dataset, images, start, end);
        }

        /** Returns the sample at {@code position} as skipped for {@code reason}, for a sample that failed in every attempt. */
        public DetectorRunner.Run failed(int position, String reason) {
            return new DetectorRunner.Run(List.of(), List.of(), List.of(new InvalidSample(dataset.samples().get(position).image().describe(), reason)));
        }

        @Override
        public void close() {
            detector.close();
        }
    }
}
