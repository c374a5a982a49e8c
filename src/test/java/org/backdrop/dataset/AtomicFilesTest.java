package org.backdrop.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path folder;

    private List<String> fileNames() throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writeReplacesOlderFile() throws Exception {
        Path target = Files.writeString(folder.resolve("a.txt"), "old");

        AtomicFiles.write(target, "new".getBytes());

        assertEquals("new", Files.readString(target));
        assertEquals(List.of("a.txt"), fileNames());
    }

    @Test
    void uncommittedFileIsDeleted() throws Exception {
        try (AtomicFiles.PendingFile file = AtomicFiles.open(folder.resolve("a.txt"))) {
            file.stream().write(1);
        }

        assertEquals(List.of(), fileNames());
    }

    @Test
    void targetAppearsOnlyOnCommit() throws Exception {
        try (AtomicFiles.PendingFile file = AtomicFiles.open(folder.resolve("sub/a.txt"))) {
            file.stream().write('x');
            assertFalse(Files.exists(folder.resolve("sub/a.txt")));

            file.commit();
        }

        assertEquals("x", Files.readString(folder.resolve("sub/a.txt")));
    }

    @Test
    void writtenFileHasDefaultPermissions() throws Exception {
        assumeTrue(folder.getFileSystem().supportedFileAttributeViews().contains("posix"), "the file system has no POSIX permissions");
        Path plain = Files.createFile(folder.resolve("plain.txt"));
        Path target = folder.resolve("atomic.txt");

        AtomicFiles.write(target, "content".getBytes());

        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(target));
    }

    @Test
    void contentWriterFileIsRenamed() throws Exception {
        Path target = folder.resolve("sub/b.txt");

        AtomicFiles.write(target, temporary -> Files.writeString(temporary, "written"));

        assertEquals("written", Files.readString(target));
        assertEquals(List.of("sub"), fileNames());
    }
}
