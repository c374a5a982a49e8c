package org.backdrop.background;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.backdrop.image.ImageDecodeException;
import org.backdrop.image.ImageDecoder;
import org.backdrop.image.RgbImage;

/**
 * Scene photos on disk, decoded on demand and scaled to cover a sample ({@link Resizing#coverAndCenterCrop}).
 * The most recently used {@value #CACHE_ENTRIES} scaled photos are kept, so a dataset of one image size
 * decodes each photo about once. Safe to use from several threads.
 */
final class PhotoLibrary {

    /** File name endings (lower case) that count as photos when a folder is listed. */
    static final Set<String> PHOTO_EXTENSIONS = Set.of("jpg", "jpeg", "png", "bmp", "tif", "tiff", "webp");

    private static final int CACHE_ENTRIES = 256;

    private final List<Path> photos;
    private final Map<CacheKey, RgbImage> scaled = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<CacheKey, RgbImage> eldest) {
            return size() > CACHE_ENTRIES;
        }
    };

    PhotoLibrary(List<Path> photos) {
        this.photos = List.copyOf(photos);
    }

    List<Path> photos() {
        return photos;
    }

    /** Returns photo {@code index} scaled to cover {@code width x height} and centre-cropped; callers must not change it. */
    RgbImage cover(int index, int width, int height) {
        CacheKey key = new CacheKey(index, width, height);
        synchronized (scaled) {
            RgbImage cached = scaled.get(key);
            if (cached != null) {
                return cached;
            }
        }
        RgbImage photo = Resizing.coverAndCenterCrop(read(photos.get(index)), width, height);
        synchronized (scaled) {
            scaled.put(key, photo);
        }
        return photo;
    }

    /**
     * Returns the photos directly inside {@code folder}, sorted by file name so the order does not
     * depend on the file system.
     *
     * @throws IllegalArgumentException if {@code folder} is not a folder or contains no photo
     */
    static List<Path> listFolder(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("scene folder not found: " + folder + "; give a folder of photos");
        }
        List<Path> found;
        try (Stream<Path> entries = Files.list(folder)) {
            found = entries.filter(Files::isRegularFile)
                    .filter(PhotoLibrary::isPhoto)
                    .sorted(Comparator.comparing(path -> path.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list scene folder " + folder, e);
        }
        if (found.isEmpty()) {
            throw new IllegalArgumentException(
                    "scene folder " + folder + " contains no photo; add files ending in " + String.join(", ", sortedExtensions()));
        }
        return found;
    }

    /** Returns true if the file name ends in one of {@link #PHOTO_EXTENSIONS}. */
    static boolean isPhoto(Path path) {
        String name = path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot >= 0 && PHOTO_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /**
     * Decodes a photo file to upright RGB with {@link ImageDecoder}, which rejects truncated and corrupt
     * files.
     *
     * @throws IllegalArgumentException if the file is not a complete JPEG or PNG image
     * @throws UncheckedIOException if the file cannot be read
     */
    static RgbImage read(Path file) {
        try {
            return ImageDecoder.decode(file);
        } catch (ImageDecodeException e) {
            if (e.reason() == ImageDecodeException.Reason.NOT_FOUND || e.reason() == ImageDecodeException.Reason.READ_FAILED) {
                throw new UncheckedIOException(new IOException("cannot read scene photo " + e.getMessage(), e));
            }
            throw new IllegalArgumentException("cannot use scene photo " + e.getMessage() + "; replace or remove it", e);
        }
    }

    private static List<String> sortedExtensions() {
        return PHOTO_EXTENSIONS.stream().sorted().map(extension -> "." + extension).toList();
    }

    private record CacheKey(int index, int width, int height) {}
}
