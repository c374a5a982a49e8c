package org.backdrop.eval.classification;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.backdrop.dataset.Category;

/**
 * Maps a dataset's category ids to a classifier's output indices: by name when the model has class
 * names and every category name is one of them, otherwise by id (category id = output index).
 *
 * @param modelClassOfCategory the output index of each category id
 * @param byName whether names or ids decided the mapping
 */
public record LabelMapping(Map<Integer, Integer> modelClassOfCategory, boolean byName) {

    /** Copies the map. */
    public LabelMapping {
        modelClassOfCategory = Map.copyOf(modelClassOfCategory);
    }

    /**
     * Builds the mapping for {@code categories}.
     *
     * @param classNames the model's class names in output order, or an empty list
     * @param classCount the number of model outputs
     * @throws IllegalArgumentException if neither names nor ids map every category; the message lists the
     *     categories that do not fit
     */
    public static LabelMapping between(List<Category> categories, List<String> classNames, int classCount) {
        Map<Integer, Integer> byName = new HashMap<>();
        for (Category category : categories) {
            int index = classNames.indexOf(category.name());
            if (index >= 0) {
                byName.put(category.id(), index);
            }
        }
        if (!classNames.isEmpty() && byName.size() == categories.size()) {
            return new LabelMapping(byName, true);
        }

        Map<Integer, Integer> byId = new HashMap<>();
        List<String> unmapped = new ArrayList<>();
        for (Category category : categories) {
            if (category.id() >= 0 && category.id() < classCount) {
                byId.put(category.id(), category.id());
            } else {
                unmapped.add(category.id() + " \"" + category.name() + "\"");
            }
        }
        if (!unmapped.isEmpty()) {
            throw new IllegalArgumentException("the categories " + unmapped + " match no model class by name and lie outside the model's "
                    + classCount + " outputs by id; give the model's class names in its spec, spelt as the dataset's categories");
        }
        return new LabelMapping(byId, false);
    }

    /** Returns the output index of category {@code categoryId}, or empty when the mapping has none. */
    public OptionalInt modelClass(int categoryId) {
        Integer index = modelClassOfCategory.get(categoryId);
        return index == null ? OptionalInt.empty() : OptionalInt.of(index);
    }
}
