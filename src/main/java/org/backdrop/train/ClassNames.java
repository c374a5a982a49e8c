package org.backdrop.train;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.backdrop.dataset.Category;
import org.backdrop.dataset.Dataset;

/**
 * The classes a classifier predicts, in output order, and how each dataset's category ids map onto
 * them. Classes are matched by category name, so a CIFAR-10 batch and an image folder with the same
 * ten class folders train one model.
 */
final class ClassNames {

    private final List<String> names;
    private final Map<String, Integer> indexByName = new HashMap<>();

    ClassNames(List<String> names) {
        this.names = List.copyOf(names);
        for (int i = 0; i < names.size(); i++) {
            indexByName.put(names.get(i), i);
        }
    }

    /** Takes the classes from the first dataset in category order, then new names from later ones. */
    static ClassNames union(List<Dataset> datasets) {
        List<String> names = new ArrayList<>();
        for (Dataset dataset : datasets) {
            for (Category category : dataset.categories()) {
                if (!names.contains(category.name())) {
                    names.add(category.name());
                }
            }
        }
        return new ClassNames(names);
    }

    List<String> names() {
        return names;
    }

    int size() {
        return names.size();
    }

    /** Returns the output index for the dataset's category id, or empty when the class is unknown. */
    Optional<Integer> indexOf(Dataset dataset, int categoryId) {
        return dataset.category(categoryId).map(Category::name).map(indexByName::get);
    }
}
