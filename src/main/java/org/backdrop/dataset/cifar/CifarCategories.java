package org.backdrop.dataset.cifar;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.backdrop.dataset.Category;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** CIFAR-10 class names: from the batch's meta file, or the standard ten names when it has none. */
final class CifarCategories {

    private static final Logger LOG = LoggerFactory.getLogger(CifarCategories.class);

    /** The ten CIFAR-10 classes in label order, as the dataset's {@code batches.meta.txt} lists them. */
    static final List<String> STANDARD_NAMES =
            List.of("airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck");

    static final String TEXT_META = "batches.meta.txt";

    private CifarCategories() {}

    /**
     * Reads {@code batches.meta.txt} in {@code folder}: line i (0-based) names label i. Trailing
     * blank lines are ignored, and a blank line inside the list leaves that label without a class.
     * Without the file, returns the standard names and logs that it did.
     */
    static List<Category> readText(Path folder) throws IOException {
        Path meta = folder.resolve(TEXT_META);
        if (!Files.isRegularFile(meta)) {
            return standard(meta);
        }
        return fromNames(Files.readAllLines(meta, StandardCharsets.UTF_8));
    }

    /** Returns the standard ten categories and logs that {@code missingMeta} was not found. */
    static List<Category> standard(Path missingMeta) {
        LOG.info("{} not found; using the standard CIFAR-10 class names airplane to truck for labels 0 to 9", missingMeta);
        return fromNames(STANDARD_NAMES);
    }

    /** Returns one category per non-blank name, with the name's position as its id. */
    static List<Category> fromNames(List<String> names) {
        List<Category> categories = new ArrayList<>();
        for (int id = 0; id < names.size(); id++) {
            String name = names.get(id).strip();
            if (!name.isEmpty()) {
                categories.add(new Category(id, name));
            }
        }
        return categories;
    }
}
