package org.backdrop.dataset.cifar;

import java.nio.file.Path;
import java.util.Optional;
import org.backdrop.ProgressListener;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.DatasetException;
import org.backdrop.dataset.DatasetFormat;
import org.backdrop.dataset.DatasetReader;
import org.backdrop.dataset.ReadOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads CIFAR-10 in either official layout: the binary batches ({@link CifarBinaryReader}) or the
 * python pickles ({@link CifarPythonReader}). {@code root} may be the batch folder itself or a
 * folder holding {@code cifar-10-batches-bin} or {@code cifar-10-batches-py}; the dataset's root is
 * then that subfolder. Where both layouts are present the binary one is read, because its records
 * can be read one at a time.
 */
public final class CifarReader implements DatasetReader {

    private static final Logger LOG = LoggerFactory.getLogger(CifarReader.class);

    static final String BINARY_FOLDER = "cifar-10-batches-bin";
    static final String PYTHON_FOLDER = "cifar-10-batches-py";

    private final CifarBinaryReader binary = new CifarBinaryReader();
    private final CifarPythonReader python = new CifarPythonReader();

    @Override
    public DatasetFormat format() {
        return DatasetFormat.CIFAR10;
    }

    @Override
    public boolean recognizes(Path root) {
        return locate(root).isPresent();
    }

    /**
     * Reads the layout found at {@code root}.
     *
     * @throws DatasetException if {@code root} contains neither layout, or the layout cannot be read
     */
    @Override
    public Dataset read(Path root, ReadOptions options, ProgressListener progress) throws DatasetException {
        Layout layout = locate(root).orElseThrow(() -> new DatasetException("no CIFAR-10 batches in " + root
                + "; expected data_batch_N.bin and test_batch.bin (binary layout), data_batch_N, test_batch and"
                + " batches.meta (python layout), or a " + BINARY_FOLDER + " or " + PYTHON_FOLDER + " folder"));
        return layout.reader().read(layout.folder(), options, progress);
    }

    private Optional<Layout> locate(Path root) {
        for (Path folder : new Path[] {root, root.resolve(BINARY_FOLDER), root.resolve(PYTHON_FOLDER)}) {
            boolean isBinary = binary.recognizes(folder);
            boolean isPython = python.recognizes(folder);
            if (isBinary && isPython) {
                LOG.info("{} holds both binary and python CIFAR-10 batches; reading the binary ones", folder);
            }
            if (isBinary) {
                return Optional.of(new Layout(binary, folder));
            }
            if (isPython) {
                return Optional.of(new Layout(python, folder));
            }
        }
        return Optional.empty();
    }

    private record Layout(DatasetReader reader, Path folder) {}
}
