package org.backdrop.dataset.coco;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;

/** Writes files under a temporary name in the target's folder and renames them into place. */
final class AtomicFiles {

    /** Writes the content of a file, given the temporary path to create. */
    interface ContentWriter {
        void writeTo(Path temporary) throws IOException;
    }

    private AtomicFiles() {}

    /**
     * Creates {@code target}'s folders, lets {@code content} create a temporary file beside
     * {@code target}, and renames it to {@code target}, replacing an existing file. The rename is
     * atomic where the file system supports it. On failure the temporary file is deleted. The file
     * gets the permissions that the content writer creates it with, the process's defaults for the
     * usual writers.
     *
     * @throws IOException when writing or renaming fails
     */
    static void write(Path target, ContentWriter content) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        // Not Files.createTempFile: its files are readable by the owner only, and the rename would keep that.
        Path temporary = folder.resolve("." + target.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        boolean moved = false;
        try {
            content.writeTo(temporary);
            move(temporary, target);
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temporary);
            }
        }
    }

    private static void move(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Some file systems (network shares) cannot rename atomically; fall back to a plain replace.
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
