package org.backdrop.dataset;

import java.nio.file.Path;
import org.backdrop.ProgressListener;

/**
 * Writes a {@link Dataset} in one layout so that reading the output again gives equal records.
 * Every file is written to a temporary name and renamed, so an interrupted run leaves no half-written
 * file under a final name; nothing is written outside {@code outDir}.
 */
public interface DatasetWriter {

    /** Returns the layout this writer writes. */
    DatasetFormat format();

    /**
     * Writes {@code dataset} under {@code outDir}, reading pixels through {@code images} where the
     * layout needs them.
     *
     * @throws DatasetException when the output cannot be written; the message names the file and why
     */
    void write(Dataset dataset, SampleImages images, Path outDir, ProgressListener progress) throws DatasetException;
}
