package org.backdrop.dataset;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A dataset as read from disk: its categories, its samples and the records that could not be read.
 *
 * <p>{@code samples} may be a lazy view over compact arrays (the COCO reader's is), so callers should
 * index it rather than copy it.
 *
 * @param format the layout it was read from
 * @param root the dataset root; every {@link ImageRef} is relative to it
 * @param categories the categories in the dataset's own order, ids unchanged
 * @param samples the readable samples
 * @param invalid the records that were skipped, with reasons
 */
public record Dataset(DatasetFormat format, Path root, List<Category> categories, List<Sample> samples, List<InvalidSample> invalid) {

    public Dataset {
        categories = List.copyOf(categories);
        invalid = List.copyOf(invalid);
    }

    /** Returns the category with this id, if the dataset has one. */
    public Optional<Category> category(int id) {
        return categories.stream().filter(category -> category.id() == id).findFirst();
    }
}
