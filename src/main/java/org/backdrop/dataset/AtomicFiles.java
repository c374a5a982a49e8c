package org.backdrop.dataset;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes files under a temporary name in the target's folder and renames them into place, so an
 * interrupted run never leaves a half-written file under its final name.
 */
public final class AtomicFiles {

    private AtomicFiles() {}

    /**
     * Opens a temporary file beside {@code target}, creating the parent folders. Close the result
     * without {@link PendingFile#commit()} to delete the temporary file.
     *
     * @throws IOException if the folder or the temporary file cannot be created
     */
    public static PendingFile open(Path target) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        return new PendingFile(target, createTemporary(folder, target.getFileName().toString()));
    }

    /**
     * Creates a new empty file with a random name in {@code folder}. Unlike {@link Files#createTempFile},
     * which makes the file readable by its owner only, the file gets the default permissions that the
     * process's umask allows, so the renamed result is as readable as any other file the user writes.
     */
    private static Path createTemporary(Path folder, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            try {
                return Files.createFile(temporaryName(folder, name));
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 9) {
                    throw e;
                }
            }
        }
    }

    private static Path temporaryName(Path folder, String name) {
        return folder.resolve("." + name + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
    }

    /** Writes the content of a file, given the temporary path to create. */
    @FunctionalInterface
    public interface ContentWriter {
        void writeTo(Path temporary) throws IOException;
    }

    /**
     * Creates {@code target}'s folders, lets {@code content} create a temporary file beside {@code target},
     * and renames it to {@code target}, replacing an existing file. On failure the temporary file is
     * deleted. The file gets the permissions its writer creates it with: the process's defaults for the
     * usual writers.
     *
     * @throws IOException when writing or renaming fails
     */
    public static void write(Path target, ContentWriter content) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temporary = temporaryName(folder, target.getFileName().toString());
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

    /** Renames atomically where the file system can, and otherwise (some network shares) replaces plainly. */
    private static void move(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Writes {@code content} to {@code target} through a temporary file. */
    public static void write(Path target, byte[] content) throws IOException {
        try (PendingFile file = open(target)) {
            file.stream().write(content);
            file.commit();
        }
    }

    /** Copies {@code source} byte for byte to {@code target} through a temporary file. */
    public static void copy(Path source, Path target) throws IOException {
        try (PendingFile file = open(target)) {
            Files.copy(source, file.stream());
            file.commit();
        }
    }

    /** A temporary file that becomes {@code target} on {@link #commit()} and is deleted otherwise. */
    public static final class PendingFile implements Closeable {

        private final Path target;
        private final Path temp;
        private final OutputStream stream;
        private boolean committed;

        private PendingFile(Path target, Path temp) throws IOException {
            this.target = target;
            this.temp = temp;
            this.stream = new BufferedOutputStream(Files.newOutputStream(temp));
        }

        /** Returns the stream that writes the temporary file; it stays open until commit or close. */
        public OutputStream stream() {
            return stream;
        }

        /** Closes the stream and renames the temporary file to the target, replacing an older file. */
        public void commit() throws IOException {
            stream.close();
            move(temp, target);
            committed = true;
        }

        /** Deletes the temporary file unless it was committed. */
        @Override
        public void close() throws IOException {
            if (committed) {
                return;
            }
            try {
                stream.close();
            } finally {
                Files.deleteIfExists(temp);
            }
        }
    }
}
