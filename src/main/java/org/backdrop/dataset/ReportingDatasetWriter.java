package org.backdrop.dataset;

import java.nio.file.Path;
import org.backdrop.ProgressListener;

/**
 * A {@link DatasetWriter} that also returns which samples it wrote and which it skipped. A sample
 * the layout cannot hold (a CIFAR-10 record that is not 32×32, a sample without a class for an
 * image folder) is skipped with a reason and the rest is written.
 */
public interface ReportingDatasetWriter extends DatasetWriter {

    /**
     * Writes {@code dataset} under {@code outDir} like {@link #write} and returns the report.
     *
     * @throws DatasetException when the output cannot be written; the message names the file and why
     * @throws java.util.concurrent.CancellationException when {@code progress} reports cancellation;
     *     files finished before then stay, and no temporary file is left
     */
    WriteReport writeWithReport(Dataset dataset, SampleImages images, Path outDir, ProgressListener progress) throws DatasetException;

    /** Writes like {@link #writeWithReport}; skipped samples are only logged. */
    @Override
    default void write(Dataset dataset, SampleImages images, Path outDir, ProgressListener progress) throws DatasetException {
        writeWithReport(dataset, images, outDir, progress);
    }
}
