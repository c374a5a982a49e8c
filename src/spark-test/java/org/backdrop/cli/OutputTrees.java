package org.backdrop.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Compares two output folders file by file and byte by byte. */
final class OutputTrees {

    private OutputTrees() {}

    /** Asserts that both folders hold the same relative file names with the same bytes. */
    static void assertSameBytes(Path expected, Path actual) throws IOException {
        List<Path> expectedFiles = files(expected);
        List<Path> actualFiles = files(actual);
        assertEquals(expectedFiles, actualFiles, "the two runs wrote different files");
        for (Path file : expectedFiles) {
            assertArrayEquals(Files.readAllBytes(expected.resolve(file)), Files.readAllBytes(actual.resolve(file)), "bytes differ in " + file);
        }
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }
}
