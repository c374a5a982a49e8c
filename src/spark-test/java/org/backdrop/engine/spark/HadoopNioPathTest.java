package org.backdrop.engine.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.backdrop.cli.LoopbackFileSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Paths and file operations of the Hadoop-backed {@link java.nio.file.FileSystem}. The expected
 * path operations come from the JDK's own Unix paths, which follow the same rules for
 * {@code /}-separated names.
 */
class HadoopNioPathTest {

    private static final String SPARK_IMPL = "spark.hadoop.fs.backdroptest.impl";

    private static final List<String> PATHS = List.of("/", "/a", "/a/b/c", "/a/./b/../c", "a", "a/b", "../a/b", "/a/b/");

    @TempDir
    Path folder;

    @BeforeAll
    static void register() {
        System.setProperty(SPARK_IMPL, LoopbackFileSystem.class.getName());
    }

    @AfterAll
    static void unregister() {
        System.clearProperty(SPARK_IMPL);
    }

    private static Path hdfs(String path) {
        return HadoopPaths.fileSystem(URI.create("hdfs://namenode:8020/")).getPath(path);
    }

    /** Returns how {@code path} prints: an absolute path prints as its URI. */
    private static String text(Path unix) {
        return unix.isAbsolute() ? "hdfs://namenode:8020" + unix : unix.toString();
    }

    @Test
    void pathOperationsFollowUnixPaths() {
        for (String first : PATHS) {
            Path unix = Path.of(first);
            Path hadoop = hdfs(first);
            assertEquals(text(unix), hadoop.toString(), first);
            assertEquals(unix.isAbsolute(), hadoop.isAbsolute(), first);
            assertEquals(unix.getNameCount(), hadoop.getNameCount(), first);
            assertEquals(String.valueOf(unix.getFileName()), String.valueOf(hadoop.getFileName()), first);
            assertEquals(unix.getParent() == null ? "null" : text(unix.getParent()),
                    hadoop.getParent() == null ? "null" : hadoop.getParent().toString(), first);
            assertEquals(text(unix.normalize()), hadoop.normalize().toString(), first);
            for (String second : PATHS) {
                String pair = first + " with " + second;
                assertEquals(text(unix.resolve(second)), hadoop.resolve(second).toString(), pair);
                assertEquals(unix.startsWith(Path.of(second)), hadoop.startsWith(hdfs(second)), pair);
                assertEquals(unix.endsWith(Path.of(second)), hadoop.endsWith(hdfs(second)), pair);
                String expected;
                try {
                    expected = text(unix.relativize(Path.of(second)));
                } catch (IllegalArgumentException e) {
                    assertThrows(IllegalArgumentException.class, () -> hadoop.relativize(hdfs(second)), pair);
                    continue;
                }
                assertEquals(expected, hadoop.relativize(hdfs(second)).toString(), pair);
            }
        }
    }

    @Test
    void uriRoundTripsWithReservedCharacters() {
        Path path = hdfs("/data/a b#c.png");
        assertEquals("hdfs://namenode:8020/data/a%20b%23c.png", path.toUri().toString());
        assertEquals(path, hdfs(path.toUri().getPath()));
    }

    @Test
    void filesOperationsGoThroughHadoop() throws IOException {
        Path root = new HadoopPaths().apply(URI.create("backdroptest://" + folder.toUri().getRawPath()));
        Path file = root.resolve("x/y/z.bin");
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[] {1, 2, 3, 4, 5});

        assertArrayEquals(new byte[] {1, 2, 3, 4, 5}, Files.readAllBytes(folder.resolve("x/y/z.bin")));
        assertEquals(5, Files.size(file));
        assertTrue(Files.isDirectory(file.getParent()));
        assertTrue(Files.isRegularFile(file));
        assertThrows(FileAlreadyExistsException.class, () -> Files.createFile(file));
        assertThrows(NoSuchFileException.class, () -> Files.readAllBytes(root.resolve("missing")));
        assertThrows(DirectoryNotEmptyException.class, () -> Files.delete(file.getParent()));

        try (SeekableByteChannel channel = Files.newByteChannel(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(2);
            channel.position(3);
            channel.read(buffer);
            assertArrayEquals(new byte[] {4, 5}, buffer.array());
        }

        Path other = root.resolve("x/other.bin");
        Files.write(other, new byte[] {9});
        Files.move(other, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        assertArrayEquals(new byte[] {9}, Files.readAllBytes(file));
        assertFalse(Files.exists(other));

        try (Stream<Path> walk = Files.walk(root)) {
            assertEquals(List.of("", "x", "x/y", "x/y/z.bin"), walk.map(path -> root.relativize(path).toString()).sorted().toList());
        }
    }
}
