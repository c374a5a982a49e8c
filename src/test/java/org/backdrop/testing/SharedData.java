package org.backdrop.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the shared test data (real datasets, models, reference metric cases) that lives beside the
 * repository in {@code ../shared}. A fresh clone has no such folder; tests that call these methods are
 * then skipped with a message that says so, and the repository's own test data keeps the suite useful.
 */
public final class SharedData {

    private SharedData() {}

    /** Returns the shared folder, or skips the calling test when it is missing. */
    public static Path root() {
        Path root = Path.of(System.getProperty("backdrop.shared", "../shared")).toAbsolutePath().normalize();
        assumeTrue(Files.isDirectory(root),
                "shared test data not found at " + root + "; place it beside the repository as ../shared to run this test");
        return root;
    }

    /** Returns {@code fixtures/<relative>}, or skips the calling test when it is missing. */
    public static Path fixture(String relative) {
        return existing(root().resolve("fixtures").resolve(relative));
    }

    /** Returns {@code cases/<relative>} (regression cases such as {@code CV-04}), or skips the test. */
    public static Path regressionCase(String relative) {
        return existing(root().resolve("cases").resolve(relative));
    }

    /** Returns {@code reference/<relative>} (metric cases with reference numbers), or skips the test. */
    public static Path reference(String relative) {
        return existing(root().resolve("reference").resolve(relative));
    }

    private static Path existing(Path path) {
        assumeTrue(Files.exists(path), "shared test data not found: " + path);
        return path;
    }
}
