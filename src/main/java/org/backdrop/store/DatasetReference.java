package org.backdrop.store;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.backdrop.dataset.DatasetFormat;

/**
 * The dataset a project curates.
 *
 * @param path the path that was opened (a folder, or a COCO annotation file); absolute when read from a store
 * @param format the dataset's format
 * @param sampleCount the number of samples when the reference was saved
 * @param checksum the dataset's {@code sha256:} checksum as augmentation manifests record it, empty when not computed
 */
public record DatasetReference(Path path, DatasetFormat format, int sampleCount, Optional<String> checksum) {

    public DatasetReference {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(checksum, "checksum");
    }
}
