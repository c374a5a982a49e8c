package org.backdrop.dataset.folder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.backdrop.dataset.FileNames;

/** File names of the image folder layout: which files are images and which folders are classes. */
final class FolderLayout {

    /**
     * Extensions taken for images, compared in lower case; other files are ignored. Only JPEG and PNG
     * decode, so BMP, GIF and TIFF files are listed as invalid samples rather than silently left out.
     */
    static final Set<String> IMAGE_EXTENSIONS = Set.of(".jpg", ".jpeg", ".png", ".bmp", ".gif", ".tif", ".tiff");

    /** Folders whose presence marks a VOC dataset rather than class folders. */
    private static final Set<String> VOC_FOLDERS = Set.of("Annotations", "JPEGImages", "ImageSets", "SegmentationClass", "SegmentationObject");

    private FolderLayout() {}

    static boolean isImage(Path file) {
        return IMAGE_EXTENSIONS.contains(FileNames.extension(file.getFileName().toString()).toLowerCase(Locale.ROOT));
    }

    static boolean isHidden(Path path) {
        return path.getFileName().toString().startsWith(".");
    }

    /** Returns the class folders of {@code root}: its subfolders that are not hidden, sorted by name. */
    static List<Path> classFolders(Path root) throws IOException {
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(Files::isDirectory)
                    .filter(child -> !isHidden(child))
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
        }
    }

    /**
     * Returns true when {@code root} contains image files directly, no subfolder, no JSON file or CIFAR-10
     * batch, and no VOC folder: a plain folder of unlabelled images.
     */
    static boolean looksLikeLooseImages(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return false;
        }
        boolean hasImage = false;
        try (Stream<Path> children = Files.list(root)) {
            for (Path child : children.toList()) {
                String name = child.getFileName().toString();
                if (isHidden(child)) {
                    continue;
                }
                if (Files.isDirectory(child) || name.endsWith(".json") || name.endsWith(".bin") || name.equals("batches.meta")) {
                    return false;
                }
                hasImage |= isImage(child);
            }
        }
        return hasImage;
    }

    /**
     * Returns true when {@code root} has a subfolder with an image directly inside, no image,
     * JSON file or CIFAR batch of its own, and no VOC folder.
     */
    static boolean looksLikeClassFolders(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return false;
        }
        try (Stream<Path> children = Files.list(root)) {
            for (Path child : children.toList()) {
                String name = child.getFileName().toString();
                if (VOC_FOLDERS.contains(name)) {
                    return false;
                }
                if (Files.isRegularFile(child) && (isImage(child) || name.endsWith(".json") || name.endsWith(".bin") || name.equals("batches.meta"))) {
                    return false;
                }
            }
        }
        for (Path folder : classFolders(root)) {
            try (Stream<Path> files = Files.list(folder)) {
                if (files.anyMatch(file -> Files.isRegularFile(file) && isImage(file))) {
                    return true;
                }
            }
        }
        return false;
    }
}
