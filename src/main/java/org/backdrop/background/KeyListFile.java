package org.backdrop.background;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the UTF-8 text files that map names to lists: one {@code key: item, item, ...} per line,
 * spaces around keys and items ignored, blank lines and lines starting with {@code #} skipped. The key
 * ends at the first colon, so keys cannot contain one; items are split at commas, so item names cannot
 * contain one.
 */
final class KeyListFile {

    /** One line: its 1-based number, its key and its items. */
    record Entry(int line, String key, List<String> items) {}

    private KeyListFile() {}

    /**
     * Returns the entries in file order.
     *
     * @throws IllegalArgumentException naming the file and line if a line has no colon, no key or no item
     * @throws UncheckedIOException if the file cannot be read
     */
    static List<Entry> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        List<Entry> entries = new ArrayList<>();
        for (int number = 1; number <= lines.size(); number++) {
            String line = lines.get(number - 1).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            entries.add(parseLine(file, number, line));
        }
        return entries;
    }

    private static Entry parseLine(Path file, int number, String line) {
        int colon = line.indexOf(':');
        String key = colon < 0 ? "" : line.substring(0, colon).strip();
        List<String> items = colon < 0 ? List.of() : Arrays.stream(line.substring(colon + 1).split(","))
                .map(String::strip)
                .filter(item -> !item.isEmpty())
                .toList();
        if (key.isEmpty() || items.isEmpty()) {
            throw new IllegalArgumentException(
                    file + ":" + number + ": invalid line '" + line + "'; write 'name: item, item' with at least one item");
        }
        return new Entry(number, key, items);
    }

    /**
     * Resolves an item against {@code folder}: a photo file gives itself, a folder gives the photos
     * inside it ({@link PhotoLibrary#listFolder}).
     *
     * @throws IllegalArgumentException naming the file and line if the item is missing or not a photo
     */
    static List<Path> photos(Path folder, String item, Path file, int line) {
        Path path = folder.resolve(item).normalize();
        if (Files.isDirectory(path)) {
            return PhotoLibrary.listFolder(path);
        }
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException(file + ":" + line + ": scene photo '" + item + "' not found at " + path);
        }
        if (!PhotoLibrary.isPhoto(path)) {
            throw new IllegalArgumentException(
                    file + ":" + line + ": '" + item + "' is not a photo; name files ending in " + PhotoLibrary.PHOTO_EXTENSIONS);
        }
        return List.of(path);
    }
}
