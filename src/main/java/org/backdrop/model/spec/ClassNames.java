package org.backdrop.model.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads class-names files. A {@code .json} file contains an array whose elements are names, or arrays whose
 * second element is the name (DJL's synset files: {@code ["n01440764", "tench", "tench, Tinca tinca"]}).
 * Any other file contains one name per line, in class-index order, as darknet's {@code coco.names} does;
 * trailing blank lines are ignored.
 */
public final class ClassNames {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ClassNames() {}

    /**
     * Reads the names in {@code file}, in class-index order.
     *
     * @throws IOException if the file cannot be read, is empty, or has an element or line that is not a
     *     name. The message names the file.
     */
    public static List<String> read(Path file) throws IOException {
        List<String> names = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json") ? readJson(file) : readLines(file);
        if (names.isEmpty()) {
            throw new IOException(file + " contains no class names");
        }
        return List.copyOf(names);
    }

    private static List<String> readJson(Path file) throws IOException {
        JsonNode root = JSON.readTree(file.toFile());
        if (root == null || !root.isArray()) {
            throw new IOException(file + " must hold a JSON array of class names");
        }
        List<String> names = new ArrayList<>();
        for (JsonNode element : root) {
            if (element.isTextual()) {
                names.add(element.asText());
            } else if (element.isArray() && element.size() >= 2 && element.get(1).isTextual()) {
                names.add(element.get(1).asText());
            } else {
                throw new IOException(file + ": element " + names.size() + " is " + element
                        + "; use a name or an array whose second element is the name");
            }
        }
        return names;
    }

    private static List<String> readLines(Path file) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        List<String> names = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank()) {
                throw new IOException(file + ": line " + (names.size() + 1) + " is blank; write one class name per line");
            }
            names.add(line.strip());
        }
        return names;
    }
}
