package org.backdrop.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SafePathsTest {

    private final Path root = Path.of("/data/voc").toAbsolutePath();

    @Test
    void rejectsWindowsDrives() {
        for (String name : new String[] {"C:/images/a.jpg", "c:\\images\\a.jpg", "z:a.jpg"}) {
            SafePaths.UnsafePathException error = assertThrows(SafePaths.UnsafePathException.class, () -> SafePaths.resolveInside(root, name));
            assertEquals("absolute file name '" + name + "' is not allowed; names must be relative to the dataset root", error.getMessage());
        }
    }

    @Test
    void acceptsNamesThatOnlyLookLikeDrives() {
        assertEquals(root.resolve("1:/a.jpg").normalize(), SafePaths.resolveInside(root, "1:/a.jpg"));
        assertEquals(root.resolve("CD:/a.jpg").normalize(), SafePaths.resolveInside(root, "CD:/a.jpg"));
        assertEquals(root.resolve("images/a.jpg"), SafePaths.resolveInside(root, "images\\a.jpg"));
    }

    @Test
    void rejectsNamesLeavingTheRoot() {
        assertThrows(SafePaths.UnsafePathException.class, () -> SafePaths.resolveInside(root, "../secret.jpg"));
        assertThrows(SafePaths.UnsafePathException.class, () -> SafePaths.resolveInside(root, "/etc/passwd"));
    }
}
