package org.backdrop.model.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassNamesTest {

    @TempDir
    Path folder;

    @Test
    void jsonStrings() throws IOException {
        Path file = write("names.json", "[\"cat\", \"dog\"]");

        assertEquals(List.of("cat", "dog"), ClassNames.read(file));
    }

    @Test
    void jsonSynsetTriples() throws IOException {
        Path file = write("synsets.json", "[[\"n01440764\", \"tench\", \"tench, Tinca tinca\"], [\"n01443537\", \"goldfish\", \"goldfish\"]]");

        assertEquals(List.of("tench", "goldfish"), ClassNames.read(file));
    }

    @Test
    void linesTrimmed() throws IOException {
        Path file = write("coco.names", "person\r\n traffic light \n\n");

        assertEquals(List.of("person", "traffic light"), ClassNames.read(file));
    }

    @Test
    void blankLineInsideRejected() throws IOException {
        Path file = write("coco.names", "person\n\ncar\n");

        IOException error = assertThrows(IOException.class, () -> ClassNames.read(file));

        assertTrue(error.getMessage().contains("line 2 is blank"), error.getMessage());
    }

    @Test
    void emptyFileRejected() throws IOException {
        Path file = write("empty.txt", "\n");

        IOException error = assertThrows(IOException.class, () -> ClassNames.read(file));

        assertTrue(error.getMessage().endsWith("contains no class names"), error.getMessage());
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(folder.resolve(name), content);
    }
}
