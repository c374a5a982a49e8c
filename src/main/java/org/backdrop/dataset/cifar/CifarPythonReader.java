package org.backdrop.dataset.cifar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.backdrop.ProgressListener;
import org.backdrop.dataset.Category;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.DatasetException;
import org.backdrop.dataset.DatasetFormat;
import org.backdrop.dataset.DatasetProgress;
import org.backdrop.dataset.DatasetReader;
import org.backdrop.dataset.ReadOptions;

/**
 * Reads the CIFAR-10 python layout: pickled {@code data_batch_1} to {@code data_batch_5},
 * {@code test_batch} and {@code batches.meta} in one folder, as the dataset's
 * {@code cifar-10-python.tar.gz} unpacks.
 *
 * <p>Pickles are read with {@link CifarUnpickler}, which accepts only numpy arrays and plain
 * values. Only the labels are kept; samples refer to their pixels as
 * {@code ImageRef.CifarRecord("data_batch_1", index)}, read later by {@link CifarPythonBatches}.
 * A batch that cannot be unpickled is listed as one invalid entry and the others are still read.
 */
public final class CifarPythonReader implements DatasetReader {

    static final String META = "batches.meta";

    @Override
    public DatasetFormat format() {
        return DatasetFormat.CIFAR10;
    }

    /** Returns true when {@code root} contains {@code batches.meta} and a {@code data_batch_N} or {@code test_batch}. */
    @Override
    public boolean recognizes(Path root) {
        try {
            return Files.isRegularFile(root.resolve(META)) && !listBatches(root).isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Unpickles every batch and keeps its labels.
     *
     * @throws DatasetException if {@code root} contains no python batch or cannot be listed
     * @throws CancellationException if {@code progress} reports cancellation
     */
    @Override
    public Dataset read(Path root, ReadOptions options, ProgressListener progress) throws DatasetException {
        List<Path> batches;
        try {
            batches = listBatches(root);
        } catch (IOException e) {
            throw new DatasetException("cannot list the CIFAR-10 folder " + root + ": " + e.getMessage(), e);
        }
        if (batches.isEmpty()) {
            throw new DatasetException("no CIFAR-10 python batch (data_batch_N or test_batch) in " + root
                    + "; point to the cifar-10-batches-py folder");
        }
        CifarDatasetBuilder builder = new CifarDatasetBuilder(root, readCategories(root));

        for (int i = 0; i < batches.size(); i++) {
            DatasetProgress.step(progress, i, batches.size(), "Unpickling CIFAR-10 batches", "reading " + root);
            String name = batches.get(i).getFileName().toString();
            try {
                builder.addBatch(name, CifarPythonBatch.read(batches.get(i)).labels());
            } catch (IOException e) {
                builder.addInvalidFile(name, e.getMessage());
            }
        }
        progress.progress(batches.size(), batches.size(), "Unpickling CIFAR-10 batches");
        return builder.build();
    }

    private static List<Category> readCategories(Path root) throws DatasetException {
        Path meta = root.resolve(META);
        if (!Files.isRegularFile(meta)) {
            return CifarCategories.standard(meta);
        }
        try {
            return CifarCategories.fromNames(CifarPythonBatch.readLabelNames(meta));
        } catch (IOException e) {
            throw new DatasetException(meta + " " + e.getMessage(), e);
        }
    }

    private static List<Path> listBatches(Path root) throws IOException {
        return CifarBatchNames.list(root, name -> !name.contains(".") && CifarBatchNames.isStandard(name));
    }
}
