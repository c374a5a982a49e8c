package org.backdrop.segment;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.backdrop.ProgressListener;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.DatasetException;
import org.backdrop.dataset.DatasetFormat;
import org.backdrop.dataset.DatasetImages;
import org.backdrop.dataset.DatasetReaders;
import org.backdrop.dataset.FileLocations;
import org.backdrop.dataset.ReadOptions;
import org.backdrop.dataset.Sample;

/**
 * The description of a mask job that another JVM needs to compute masks exactly as this one does: the input dataset's path and
 * layout, the samples to compute, and how to make the mask source. A distributed engine ships it to
 * each executor, which opens it once ({@link #open}) and calls {@link MaskPlan#computeOne}, the
 * function local runs call, for each of its samples.
 */
public final class MaskJob implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * Makes the mask source in the JVM that computes; a model source loads its model there, once.
     * {@link #files()} lists the files it reads (a model and its spec), which an engine may copy to its
     * executors; {@code localFile} then maps each of them to the executor's copy.
     */
    public interface SourceFactory extends Serializable {

        /** Creates the source, reading each file of {@link #files()} through {@code localFile}. */
        MaskSource create(UnaryOperator<Path> localFile);

        /** Returns the files the source reads; none for annotations and GrabCut. */
        default List<Path> files() {
            return List.of();
        }
    }

    private final String key = UUID.randomUUID().toString();
    private final String input;
    private final String format;
    private final String[] sampleIds;
    private final SourceFactory factory;

    /**
     * @param input the path the dataset was read from
     * @param format the dataset's layout
     * @param samples the samples to compute masks for
     */
    public MaskJob(Path input, DatasetFormat format, List<Sample> samples, SourceFactory factory) {
        this.input = FileLocations.format(input);
        this.format = format.cliName();
        this.sampleIds = samples.stream().map(Sample::id).toArray(String[]::new);
        this.factory = factory;
    }

    /** Returns a key unique to this job, for keeping an opened job in an executor. */
    public String key() {
        return key;
    }

    /** Returns the number of samples to compute. */
    public int size() {
        return sampleIds.length;
    }

    /** Returns the id of sample {@code index}. */
    public String sampleId(int index) {
        return sampleIds[index];
    }

    /** Returns the files the mask source reads. */
    public List<Path> files() {
        return factory.files();
    }

    /**
     * Reads the dataset and makes the mask source in this JVM.
     *
     * @throws DatasetException when the dataset cannot be read here or lacks one of the samples
     */
    public Opened open(UnaryOperator<Path> localFile) throws DatasetException {
        Dataset dataset = DatasetReaders.forFormat(DatasetFormat.fromCliName(format)).read(FileLocations.parse(input), ReadOptions.defaults(), ProgressListener.NONE);
        Map<String, Sample> byId = new HashMap<>();
        dataset.samples().forEach(sample -> byId.put(sample.id(), sample));
        Sample[] samples = new Sample[sampleIds.length];
        for (int i = 0; i < sampleIds.length; i++) {
            samples[i] = byId.get(sampleIds[i]);
            if (samples[i] == null) {
                throw new DatasetException(input + ": sample " + sampleIds[i] + " is missing here; every machine must see the same dataset");
            }
        }
        return new Opened(dataset, samples, factory.create(localFile));
    }

    /** A job opened in one JVM, with its mask source. */
    public static final class Opened implements AutoCloseable {

        private final Dataset dataset;
        private final Sample[] samples;
        private final MaskSource source;
        private final DatasetImages images = new DatasetImages();

        private Opened(Dataset dataset, Sample[] samples, MaskSource source) {
            this.dataset = dataset;
            this.samples = samples;
            this.source = source;
        }

        /** Computes the mask of sample {@code index} with {@link MaskPlan#computeOne}. */
        public MaskResult compute(int index) {
            return MaskPlan.computeOne(dataset, source, samples[index], images);
        }

        @Override
        public void close() throws Exception {
            source.close();
        }
    }
}
