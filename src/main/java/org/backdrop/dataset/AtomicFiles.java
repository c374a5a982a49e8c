package org.backdrop.dataset;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

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
        Path temp = Files.createTempFile(folder, "." + target.getFileName() + ".", ".tmp");
        return new PendingFile(target, temp);
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
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
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
