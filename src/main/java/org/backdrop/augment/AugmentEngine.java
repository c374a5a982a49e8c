package org.backdrop.augment;

import java.io.IOException;
import java.nio.file.Path;
import org.backdrop.ProgressListener;
import org.backdrop.dataset.SampleImages;

/**
 * Renders the samples of one variant somewhere other than this JVM's threads, such as on a cluster's
 * executors. The job that uses it still chooses the masks, writes the dataset and merges the manifest;
 * the engine runs only {@link SampleRender} for each sample, so its output equals a local run's.
 */
public interface AugmentEngine {

    /**
     * The folder inside the output folder where an engine may keep its working files. A rerun into the
     * same output folder finds them there, and an output folder that contains only this one counts as empty.
     */
    String WORK_FOLDER = ".backdrop-work";

    /**
     * Renders every sample of variant {@code variant} of {@code plan}. Work it keeps between runs goes
     * under {@code outDir} so that a rerun of an interrupted job reuses it.
     *
     * @throws IOException when the engine cannot run the job at all; a sample that fails is reported
     *     through {@link Rendered#images()} instead
     */
    Rendered render(AugmentPlan plan, int variant, Path outDir, ProgressListener progress) throws IOException;

    /** A rendered variant, read by the dataset writer; closing it removes the engine's working files. */
    interface Rendered extends AutoCloseable {

        /**
         * Returns the variant's pixels by sample. Loading a sample that failed throws an
         * {@link IOException} whose message is the reason, which the writer lists as skipped.
         */
        SampleImages images();

        /** Returns where the background of kept sample {@code index} came from, or null when it was not rendered. */
        String source(int index);

        @Override
        void close() throws IOException;
    }
}
