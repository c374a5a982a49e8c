package org.backdrop.ui.results;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A dataset to evaluate on: the original or one of its background variants.
 *
 * @param name the column name in the table and charts
 * @param path a dataset folder (classification) or a COCO instances JSON file (detection ground truth)
 */
public record VariantInput(String name, Path path) {

    public VariantInput {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
    }

    /** Returns an input named after the last element of {@code path}, without a {@code .json} extension. */
    public static VariantInput of(Path path) {
        Path fileName = path.toAbsolutePath().normalize().getFileName();
        String name = fileName == null ? path.toString() : fileName.toString();
        return new VariantInput(name.endsWith(".json") ? name.substring(0, name.length() - 5) : name, path);
    }
}
