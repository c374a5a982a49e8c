package org.backdrop.dataset.voc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.backdrop.dataset.Category;

/**
 * The categories of a VOC dataset while it is read. Category ids are the class indices of
 * {@code SegmentationClass} masks, so the mask value and the category id agree:
 *
 * <ul>
 *   <li>With {@code class_names.txt} in the root (as labelme's VOC export writes it), line i names
 *       class i. Line 0 names the background, which is not a category, and a blank line leaves
 *       its index unused.
 *   <li>Otherwise the 20 VOC classes get ids 1 ({@code aeroplane}) to 20 ({@code tvmonitor}) in the
 *       devkit's order.
 * </ul>
 *
 * A name found in an annotation but not in that list gets the next id after the highest, in the
 * order the names are first seen.
 */
final class VocCategories {

    /** The 20 VOC classes in the devkit's order; class i + 1 in the masks. */
    static final List<String> STANDARD_NAMES = List.of(
            "aeroplane", "bicycle", "bird", "boat", "bottle", "bus", "car", "cat", "chair", "cow",
            "diningtable", "dog", "horse", "motorbike", "person", "pottedplant", "sheep", "sofa", "train", "tvmonitor");

    static final String CLASS_NAMES_FILE = "class_names.txt";

    private final TreeMap<Integer, Category> byId = new TreeMap<>();
    private final Map<String, Category> byName = new HashMap<>();

    private VocCategories() {}

    /** Returns the categories from {@code class_names.txt} in {@code vocRoot}, or the 20 VOC classes. */
    static VocCategories load(Path vocRoot) throws IOException {
        Path classNames = vocRoot.resolve(CLASS_NAMES_FILE);
        List<String> names = new ArrayList<>();
        if (Files.isRegularFile(classNames)) {
            names.addAll(Files.readAllLines(classNames, StandardCharsets.UTF_8));
        } else {
            names.add("background");
            names.addAll(STANDARD_NAMES);
        }
        VocCategories categories = new VocCategories();
        for (int id = 1; id < names.size(); id++) {
            String name = names.get(id).strip();
            if (!name.isEmpty() && !categories.byName.containsKey(name)) {
                categories.put(new Category(id, name));
            }
        }
        return categories;
    }

    /** Returns true when {@code categories} are exactly the 20 VOC classes with ids 1 to 20. */
    static boolean isStandard(List<Category> categories) {
        if (categories.size() != STANDARD_NAMES.size()) {
            return false;
        }
        List<Category> sorted = categories.stream().sorted(Comparator.comparingInt(Category::id)).toList();
        for (int i = 0; i < sorted.size(); i++) {
            if (sorted.get(i).id() != i + 1 || !sorted.get(i).name().equals(STANDARD_NAMES.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Returns the id of category {@code name}, adding it after the highest id when it is new. */
    int idFor(String name) {
        Category category = byName.get(name);
        if (category == null) {
            category = new Category(nextId(), name);
            put(category);
        }
        return category.id();
    }

    /** Returns the id for mask class index {@code index}, adding {@code class_<index>} when it has no name. */
    int idForIndex(int index) {
        if (!byId.containsKey(index)) {
            put(new Category(index, "class_" + index));
        }
        return index;
    }

    /** Returns the categories in id order. */
    List<Category> list() {
        return List.copyOf(byId.values());
    }

    private int nextId() {
        return byId.isEmpty() ? 1 : byId.lastKey() + 1;
    }

    private void put(Category category) {
        byId.put(category.id(), category);
        byName.put(category.name(), category);
    }
}
