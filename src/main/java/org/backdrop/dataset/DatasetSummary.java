package org.backdrop.dataset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts of a dataset, as {@code backdrop inspect} prints them.
 *
 * @param images readable samples (invalid ones are not counted)
 * @param annotations object annotations plus image-level labels, so that a classification dataset such
 *     as CIFAR-10 counts one annotation per labelled image
 * @param crowd object annotations marked {@code iscrowd}
 * @param withMasks object annotations that carry a segmentation (polygons or RLE)
 * @param categories every category of the dataset in its own order, with its annotation count;
 *     annotations whose category id the dataset does not list are counted under a category named
 *     {@code "(unknown)"}
 */
public record DatasetSummary(long images, long annotations, long crowd, long withMasks, List<CategoryCount> categories) {

    /** A category and the number of annotations and image labels that name it. */
    public record CategoryCount(int id, String name, long annotations) {}

    /** Counts {@code dataset} in one pass over its samples. */
    public static DatasetSummary of(Dataset dataset) {
        Map<Integer, Long> perCategory = new LinkedHashMap<>();
        dataset.categories().forEach(category -> perCategory.put(category.id(), 0L));
        long annotations = 0;
        long crowd = 0;
        long withMasks = 0;
        for (Sample sample : dataset.samples()) {
            for (int label : sample.labels()) {
                perCategory.merge(label, 1L, Long::sum);
                annotations++;
            }
            for (Annotation annotation : sample.annotations()) {
                perCategory.merge(annotation.categoryId(), 1L, Long::sum);
                annotations++;
                if (annotation.crowd()) {
                    crowd++;
                }
                if (annotation.segmentation() != null) {
                    withMasks++;
                }
            }
        }

        List<CategoryCount> counts = new ArrayList<>();
        perCategory.forEach((id, count) -> counts.add(new CategoryCount(
                id, dataset.category(id).map(Category::name).orElse("(unknown)"), count)));
        return new DatasetSummary(dataset.samples().size(), annotations, crowd, withMasks, List.copyOf(counts));
    }
}
