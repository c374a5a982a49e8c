package org.backdrop.dataset;

import java.nio.file.Path;

/** Resolves file names taken from annotations so that nothing outside a dataset root is ever read. */
public final class SafePaths {

    private SafePaths() {}

    /**
     * Resolves {@code relative} (with {@code /} or the platform's separators) against {@code root}.
     *
     * @throws UnsafePathException if {@code relative} is empty, absolute, or leads outside {@code root}
     */
    public static Path resolveInside(Path root, String relative) {
        if (relative == null || relative.isBlank()) {
            throw new UnsafePathException("empty file name");
        }
        if (relative.startsWith("/") || relative.startsWith("\\") || hasDriveLetter(relative)) {
            throw new UnsafePathException("absolute file name '" + relative + "' is not allowed; names must be relative to the dataset root");
        }
        Path base = root.toAbsolutePath().normalize();
        Path resolved = base.resolve(relative.replace('\\', '/')).normalize();
        if (!resolved.startsWith(base)) {
            throw new UnsafePathException("file name '" + relative + "' leads outside the dataset root " + base);
        }
        return resolved;
    }

    /** Tells whether {@code name} starts with a Windows drive such as {@code C:}, without a regular expression because this runs per image. */
    private static boolean hasDriveLetter(String name) {
        if (name.length() < 2 || name.charAt(1) != ':') {
            return false;
        }
        char drive = name.charAt(0);
        return (drive >= 'A' && drive <= 'Z') || (drive >= 'a' && drive <= 'z');
    }

    /** Thrown for a file name that is absolute or leaves the dataset root. */
    public static final class UnsafePathException extends IllegalArgumentException {
        public UnsafePathException(String message) {
            super(message);
        }
    }
}
