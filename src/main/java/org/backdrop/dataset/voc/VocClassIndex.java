package org.backdrop.dataset.voc;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.backdrop.dataset.Category;
import org.backdrop.dataset.DatasetException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mask class index of each category when writing VOC. Ids 1 to 254 are kept as indices, so
 * reading the output gives the same ids. Other ids are renumbered 1, 2, … in id order, with a
 * warning. Unless the categories are exactly the 20 VOC classes, {@code class_names.txt} records
 * the names by index for {@link VocCategories} to read back.
 */
final class VocClassIndex {

    private static final Logger LOG = LoggerFactory.getLogger(VocClassIndex.class);

    private static final int MAX_INDEX = IndexedMask.VOID - 1;

    private final Map<Integer, Integer> indexById = new HashMap<>();
    private final List<String> namesByIndex = new ArrayList<>();
    private final boolean standard;

    private VocClassIndex(boolean standard) {
        this.standard = standard;
    }

    /**
     * Assigns an index to every category.
     *
     * @throws DatasetException if there are more than 254 categories, which palette masks cannot hold
     */
    static VocClassIndex of(List<Category> categories) throws DatasetException {
        if (categories.size() > MAX_INDEX) {
            throw new DatasetException("the dataset has " + categories.size() + " categories but VOC masks hold at most " + MAX_INDEX
                    + " classes; write it as COCO instead");
        }
        VocClassIndex index = new VocClassIndex(VocCategories.isStandard(categories));
        List<Category> sorted = categories.stream().sorted(Comparator.comparingInt(Category::id)).toList();
        boolean keepIds = sorted.stream().allMatch(category -> category.id() >= 1 && category.id() <= MAX_INDEX);
        if (!keepIds) {
            LOG.warn("Category ids {} do not fit VOC mask indices 1 to {}; they are renumbered 1 to {} in id order",
                    sorted.stream().map(Category::id).toList(), MAX_INDEX, sorted.size());
        }
        index.namesByIndex.add("_background_");
        for (int i = 0; i < sorted.size(); i++) {
            Category category = sorted.get(i);
            int classIndex = keepIds ? category.id() : i + 1;
            index.indexById.put(category.id(), classIndex);
            while (index.namesByIndex.size() <= classIndex) {
                index.namesByIndex.add("");
            }
            index.namesByIndex.set(classIndex, category.name());
        }
        return index;
    }

    /** Returns the mask index of category {@code id}, or -1 when the dataset has no such category. */
    int indexOf(int id) {
        return indexById.getOrDefault(id, -1);
    }

    /** Returns the content of {@code class_names.txt}, or null when the categories are the 20 VOC classes. */
    byte[] classNamesFile() {
        if (standard) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (String name : namesByIndex) {
            text.append(name.replaceAll("[\\r\\n]+", " ")).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
