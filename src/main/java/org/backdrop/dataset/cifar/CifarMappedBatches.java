package org.backdrop.dataset.cifar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.backdrop.image.RgbImage;

/**
 * Reads records of binary CIFAR-10 batches through a memory map of each batch, opened once. A job
 * that reads every record several times (one pass per background variant) then costs no system call
 * per record. Thread-safe: records are read with absolute gets, which leave the shared buffer as it is.
 *
 * <p>A batch on another file system (a Hadoop URI), which cannot be mapped, is read into the heap
 * once instead: about 30 MB per batch of 10,000 records.
 */
public final class CifarMappedBatches {

    private final Map<Path, ByteBuffer> batches = new ConcurrentHashMap<>();

    /**
     * Returns record {@code index} of {@code batch} as an RGB image.
     *
     * @throws IOException if the batch cannot be mapped, its length is not a whole number of records, or
     *     the record does not exist
     */
    public RgbImage readImage(Path batch, int index) throws IOException {
        ByteBuffer mapped;
        try {
            mapped = batches.computeIfAbsent(batch.toAbsolutePath().normalize(), CifarMappedBatches::map);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        int count = mapped.capacity() / CifarBatches.RECORD_BYTES;
        if (index < 0 || index >= count) {
            throw new IOException(batch + " has records 0 to " + (count - 1) + "; record " + index + " does not exist");
        }
        byte[] record = new byte[CifarBatches.RECORD_BYTES];
        mapped.get(index * CifarBatches.RECORD_BYTES, record, 0, record.length);
        return CifarBatches.planesToImage(record, 1);
    }

    private static ByteBuffer map(Path batch) {
        if (batch.getFileSystem() != FileSystems.getDefault()) {
            return read(batch);
        }
        try (FileChannel channel = FileChannel.open(batch, StandardOpenOption.READ)) {
            CifarBatches.recordCount(batch, channel.size());
            return channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ByteBuffer read(Path batch) {
        try {
            byte[] content = Files.readAllBytes(batch);
            CifarBatches.recordCount(batch, content.length);
            return ByteBuffer.wrap(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
