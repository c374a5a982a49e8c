package org.backdrop.background;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backdrop.image.RgbImage;

/**
 * A scene photo from a folder ({@code scenes=DIR} or {@code scenes=DIR:MAPPING}), drawn uniformly
 * with the sample's seeded generator, scaled by one factor to cover the sample and cropped around its
 * centre ({@link Resizing#coverAndCenterCrop}).
 *
 * <p>The folder's photos are the files directly inside it ending in .jpg, .jpeg, .png, .bmp, .tif,
 * .tiff or .webp (any case), ordered by file name. The optional mapping file limits each class to some
 * photos, one line per class:
 *
 * <pre>
 * # class name: photo files or subfolders, relative to DIR
 * waterbird: lake.jpg, sea/
 * landbird: forest.jpg, meadow.jpg
 * </pre>
 *
 * <p>The class name is {@link SamplePool#className(int)} of the sample's label. A class without a line
 * draws from every photo in the folder. A subfolder stands for the photos directly inside it.
 */
public final class SceneBackground implements Background {

    private final PhotoLibrary library;
    private final int[] allPhotos;
    private final Map<String, int[]> photosByClass;

    private SceneBackground(PhotoLibrary library, int[] allPhotos, Map<String, int[]> photosByClass) {
        this.library = library;
        this.allPhotos = allPhotos;
        this.photosByClass = photosByClass;
    }

    /**
     * Returns a background drawing from every photo in {@code folder}.
     *
     * @throws IllegalArgumentException if the folder is missing or contains no photo
     */
    public static SceneBackground fromFolder(Path folder) {
        List<Path> photos = PhotoLibrary.listFolder(folder);
        return new SceneBackground(new PhotoLibrary(photos), range(photos.size()), Map.of());
    }

    /**
     * Returns a background drawing from the photos in {@code folder}, limited per class by the mapping
     * file described in the class comment.
     *
     * @throws IllegalArgumentException naming the file and line if the folder contains no photo, a line is
     *     invalid, a class appears twice or a named photo is missing
     * @throws java.io.UncheckedIOException if the mapping file cannot be read
     */
    public static SceneBackground fromFolder(Path folder, Path mappingFile) {
        List<Path> folderPhotos = PhotoLibrary.listFolder(folder);
        Map<Path, Integer> positions = new LinkedHashMap<>();
        folderPhotos.forEach(photo -> positions.putIfAbsent(photo.normalize(), positions.size()));

        Map<String, int[]> photosByClass = new HashMap<>();
        for (KeyListFile.Entry entry : KeyListFile.read(mappingFile)) {
            List<Integer> indices = new ArrayList<>();
            for (String item : entry.items()) {
                for (Path photo : KeyListFile.photos(folder, item, mappingFile, entry.line())) {
                    indices.add(positions.computeIfAbsent(photo.normalize(), path -> positions.size()));
                }
            }
            int[] previous = photosByClass.put(entry.key(), indices.stream().mapToInt(Integer::intValue).toArray());
            if (previous != null) {
                throw new IllegalArgumentException(
                        mappingFile + ":" + entry.line() + ": class '" + entry.key() + "' is listed twice; merge its lines");
            }
        }
        PhotoLibrary library = new PhotoLibrary(new ArrayList<>(positions.keySet()));
        return new SceneBackground(library, range(folderPhotos.size()), Map.copyOf(photosByClass));
    }

    /**
     * Returns the photos directly inside {@code folder} that this method draws from, sorted by file name.
     *
     * @throws IllegalArgumentException if the folder is missing or contains no photo
     */
    public static List<Path> photos(Path folder) {
        return PhotoLibrary.listFolder(folder);
    }

    /**
     * Reads a mapping file as described in the class comment: each class name with its items, in file
     * order. The items are not checked against a folder; {@link #fromFolder(Path, Path)} does that.
     *
     * @throws IllegalArgumentException naming the file and line if a line is invalid
     * @throws java.io.UncheckedIOException if the file cannot be read
     */
    public static Map<String, List<String>> readMapping(Path mappingFile) {
        Map<String, List<String>> mapping = new LinkedHashMap<>();
        for (KeyListFile.Entry entry : KeyListFile.read(mappingFile)) {
            mapping.put(entry.key(), entry.items());
        }
        return mapping;
    }

    @Override
    public String name() {
        return "scenes";
    }

    /** Returns the photo that {@link #render} uses for this request, so callers can record it. */
    public Path choosePhoto(BackgroundRequest request) {
        return library.photos().get(choosePhotoIndex(request));
    }

    /**
     * @throws IllegalArgumentException if the chosen photo cannot be decoded
     * @throws java.io.UncheckedIOException if the chosen photo cannot be read
     */
    @Override
    public RgbImage render(BackgroundRequest request) {
        return library.cover(choosePhotoIndex(request), request.width(), request.height());
    }

    private int choosePhotoIndex(BackgroundRequest request) {
        String className = request.pool().className(request.label());
        int[] candidates = photosByClass.getOrDefault(className, allPhotos);
        return candidates[request.random().nextInt(candidates.length)];
    }

    private static int[] range(int count) {
        int[] indices = new int[count];
        for (int i = 0; i < count; i++) {
            indices[i] = i;
        }
        return indices;
    }
}
