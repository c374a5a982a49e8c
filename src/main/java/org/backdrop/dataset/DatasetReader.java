package org.backdrop.dataset;

import java.nio.file.Path;
import org.backdrop.ProgressListener;

/** Reads one dataset layout into a {@link Dataset}. Implementations are stateless and thread-safe. */
public interface DatasetReader {

    /** Returns the layout this reader reads. */
    DatasetFormat format();

    /** Returns true when {@code root} looks like this layout (used by {@code --format auto}). */
    boolean recognizes(Path root);

    /**
     * Reads the dataset at {@code root}. A record that cannot be read is listed in
     * {@link Dataset#invalid()} and the rest is read; only a dataset that cannot be read at all throws.
     *
     * @throws DatasetException when the dataset cannot be read at all; the message names the file and why
     */
    Dataset read(Path root, ReadOptions options, ProgressListener progress) throws DatasetException;
}
