package org.backdrop.dataset.cifar;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.backdrop.image.RgbImage;

/**
 * Reads record pixels from CIFAR-10 python batches. A python batch stores its pixels inside a
 * pickle, so a record cannot be read on its own: the whole batch is unpickled (about 30 MB for
 * 10,000 records) and the most recently used batches are kept. Samples refer to these records as
 * {@code ImageRef.CifarRecord("data_batch_1", index)}, the pickle's file name.
 *
 * <p>Thread-safe; one instance belongs to one {@link org.backdrop.dataset.DatasetImages}.
 */
public final class CifarPythonBatches {

    private final Map<Path, CifarPythonBatch> cache;

    /** Creates a reader that keeps up to {@code batchesKept} unpickled batches (at least 1). */
    public CifarPythonBatches(int batchesKept) {
        int capacity = Math.max(1, batchesKept);
        this.cache = new LinkedHashMap<>(capacity + 1, 1f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Path, CifarPythonBatch> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * Returns the pixels of record {@code index} (0-based) of a python batch as 32×32 RGB.
     *
     * @throws IOException if the batch cannot be unpickled or has no such record
     */
    public synchronized RgbImage readImage(Path batch, int index) throws IOException {
        Path key = batch.toAbsolutePath().normalize();
        CifarPythonBatch loaded = cache.get(key);
        if (loaded == null) {
            try {
                loaded = CifarPythonBatch.read(key);
            } catch (IOException e) {
                throw new IOException(batch + " " + e.getMessage(), e);
            }
            cache.put(key, loaded);
        }
        if (index < 0 || index >= loaded.size()) {
            throw new IOException(batch + " has records 0 to " + (loaded.size() - 1) + "; record " + index + " does not exist");
        }
        return loaded.image(index);
    }
}
