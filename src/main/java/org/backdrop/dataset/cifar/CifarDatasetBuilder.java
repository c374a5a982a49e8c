package org.backdrop.dataset.cifar;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.backdrop.dataset.Category;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.DatasetFormat;
import org.backdrop.dataset.InvalidSample;

/**
 * Turns the labels of each batch into a {@link Dataset}: records with a label outside the
 * categories and whole damaged files are listed as invalid, the rest become samples whose global id
 * counts records across batches in order.
 */
final class CifarDatasetBuilder {

    private final Path root;
    private final List<Category> categories;
    private final Set<Integer> labels;
    private final CifarSamples.Builder samples = new CifarSamples.Builder();
    private final List<InvalidSample> invalid = new ArrayList<>();
    private int nextGlobalIndex;

    CifarDatasetBuilder(Path root, List<Category> categories) {
        this.root = root;
        this.categories = categories;
        this.labels = categories.stream().map(Category::id).collect(Collectors.toSet());
    }

    /** Adds the records of one batch, given its file name relative to the root and its labels. */
    void addBatch(String batchName, int[] batchLabels) {
        samples.startBatch(batchName);
        for (int index = 0; index < batchLabels.length; index++) {
            int label = batchLabels[index];
            if (label <= 0xFF && labels.contains(label)) {
                samples.add(index, nextGlobalIndex, label);
            } else {
                invalid.add(new InvalidSample(batchName + "#" + index, "label " + label + " is not one of the dataset's "
                        + categories.size() + " class ids " + idRange() + "; check the batch and its meta file"));
            }
            nextGlobalIndex++;
        }
    }

    /** Lists a whole batch file as invalid; it contributes no samples. */
    void addInvalidFile(String batchName, String reason) {
        invalid.add(new InvalidSample(batchName, reason));
    }

    Dataset build() {
        return new Dataset(DatasetFormat.CIFAR10, root, categories, samples.build(), invalid);
    }

    private String idRange() {
        if (categories.isEmpty()) {
            return "(none)";
        }
        return categories.get(0).id() + " to " + categories.get(categories.size() - 1).id();
    }
}
