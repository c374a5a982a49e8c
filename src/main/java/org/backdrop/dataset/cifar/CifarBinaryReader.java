package org.backdrop.dataset.cifar;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.backdrop.ProgressListener;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.DatasetException;
import org.backdrop.dataset.DatasetFormat;
import org.backdrop.dataset.DatasetProgress;
import org.backdrop.dataset.DatasetReader;
import org.backdrop.dataset.ReadOptions;

/**
 * Reads the CIFAR-10 binary layout: {@code data_batch_1.bin} to {@code data_batch_5.bin},
 * {@code test_batch.bin} and {@code batches.meta.txt} in one folder.
 *
 * <p>Every {@code .bin} file in the folder is read, in the order of {@link CifarBatchNames}. Only
 * the label bytes are kept; samples refer to their pixels as
 * {@code ImageRef.CifarRecord("data_batch_1.bin", index)}, read later by
 * {@link CifarBatches#readImage}. A file whose length is not a multiple of 3073 bytes yields no
 * records. It is listed as one invalid entry, and the other files are still read.
 */
public final class CifarBinaryReader implements DatasetReader {

    @Override
    public DatasetFormat format() {
        return DatasetFormat.CIFAR10;
    }

    /** Returns true when {@code root} contains a {@code data_batch_N.bin} or {@code test_batch.bin}. */
    @Override
    public boolean recognizes(Path root) {
        try {
            return Files.isDirectory(root) && !CifarBatchNames.list(root, CifarBinaryReader::isStandardBinary).isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Reads the labels of every batch.
     *
     * @throws DatasetException if {@code root} has no {@code .bin} file or cannot be listed
     * @throws CancellationException if {@code progress} reports cancellation
     */
    @Override
    public Dataset read(Path root, ReadOptions options, ProgressListener progress) throws DatasetException {
        List<Path> batches = listBatches(root);
        CifarDatasetBuilder builder;
        try {
            builder = new CifarDatasetBuilder(root, CifarCategories.readText(root));
        } catch (IOException e) {
            throw new DatasetException("cannot read " + root.resolve(CifarCategories.TEXT_META) + ": " + e.getMessage(), e);
        }

        for (int i = 0; i < batches.size(); i++) {
            DatasetProgress.step(progress, i, batches.size(), "Reading CIFAR-10 batches", "reading " + root);
            Path batch = batches.get(i);
            String name = batch.getFileName().toString();
            try {
                int[] labels = readLabels(batch);
                if (labels == null) {
                    builder.addInvalidFile(name, CifarBatches.lengthProblem(Files.size(batch)));
                } else {
                    builder.addBatch(name, labels);
                }
            } catch (IOException e) {
                builder.addInvalidFile(name, "cannot be read: " + e.getMessage());
            }
        }
        progress.progress(batches.size(), batches.size(), "Reading CIFAR-10 batches");
        return builder.build();
    }

    private static List<Path> listBatches(Path root) throws DatasetException {
        List<Path> batches;
        try {
            batches = CifarBatchNames.list(root, name -> name.endsWith(CifarBatchNames.BINARY_EXTENSION));
        } catch (IOException e) {
            throw new DatasetException("cannot list the CIFAR-10 folder " + root + ": " + e.getMessage(), e);
        }
        if (batches.isEmpty()) {
            throw new DatasetException("no CIFAR-10 binary batch (data_batch_N.bin or test_batch.bin) in " + root
                    + "; point to the cifar-10-batches-bin folder");
        }
        return batches;
    }

    /** Returns the label byte of every record, or null when the file length is not whole records. */
    private static int[] readLabels(Path batch) throws IOException {
        long length = Files.size(batch);
        if (CifarBatches.lengthProblem(length) != null) {
            return null;
        }
        int count = (int) (length / CifarBatches.RECORD_BYTES);
        int[] labels = new int[count];
        byte[] record = new byte[CifarBatches.RECORD_BYTES];
        try (InputStream input = new BufferedInputStream(Files.newInputStream(batch), 1 << 16)) {
            for (int i = 0; i < count; i++) {
                if (input.readNBytes(record, 0, record.length) != record.length) {
                    throw new IOException("file ended inside record " + i + "; it changed while it was read");
                }
                labels[i] = record[0] & 0xFF;
            }
        }
        return labels;
    }

    private static boolean isStandardBinary(String fileName) {
        return fileName.endsWith(CifarBatchNames.BINARY_EXTENSION) && CifarBatchNames.isStandard(fileName);
    }
}
