package org.backdrop.store;

import java.io.IOException;
import java.nio.file.Path;

/** A file that cannot be used as a Backdrop project: not one, from a newer Backdrop, or unreadable. */
public final class ProjectFileException extends IOException {

    private final Path file;

    public ProjectFileException(Path file, String message) {
        super(file + ": " + message);
        this.file = file;
    }

    public ProjectFileException(Path file, String message, Throwable cause) {
        super(file + ": " + message, cause);
        this.file = file;
    }

    /** Returns the project file the message is about. */
    public Path file() {
        return file;
    }
}
