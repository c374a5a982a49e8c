package org.backdrop.dataset.voc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.backdrop.dataset.DatasetException;

/**
 * Finds the VOC folder under a path the user gives: the folder itself when it has
 * {@code Annotations}, or {@code JPEGImages} with segmentation masks; otherwise the one
 * {@code VOC20xx} folder inside it or inside its {@code VOCdevkit} folder.
 */
final class VocLayout {

    static final String ANNOTATIONS = "Annotations";
    static final String IMAGES = "JPEGImages";
    static final String IMAGE_SETS = "ImageSets";

    private VocLayout() {}

    /**
     * Returns the VOC folder at or below {@code root}, or empty when there is none.
     *
     * @throws DatasetException if {@code root} contains several VOC years, which must be read one at a time
     */
    static Optional<Path> locate(Path root) throws DatasetException {
        if (isVocFolder(root)) {
            return Optional.of(root);
        }
        List<Path> years = new ArrayList<>();
        for (Path base : List.of(root, root.resolve("VOCdevkit"))) {
            years.addAll(vocChildren(base));
        }
        if (years.size() > 1) {
            throw new DatasetException(root + " contains several VOC datasets (" + years.stream().map(year -> root.relativize(year).toString()).toList()
                    + "); read one of them by giving its folder");
        }
        return years.stream().findFirst();
    }

    /** Returns true when {@code folder} has {@code Annotations}, or {@code JPEGImages} with a segmentation folder. */
    static boolean isVocFolder(Path folder) {
        if (Files.isDirectory(folder.resolve(ANNOTATIONS))) {
            return true;
        }
        return Files.isDirectory(folder.resolve(IMAGES))
                && (Files.isDirectory(folder.resolve(VocMasks.CLASS_FOLDER)) || Files.isDirectory(folder.resolve(VocMasks.OBJECT_FOLDER)));
    }

    private static List<Path> vocChildren(Path base) throws DatasetException {
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(base)) {
            return children.filter(child -> child.getFileName().toString().startsWith("VOC"))
                    .filter(VocLayout::isVocFolder)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new DatasetException("cannot list " + base + ": " + e.getMessage(), e);
        }
    }
}
