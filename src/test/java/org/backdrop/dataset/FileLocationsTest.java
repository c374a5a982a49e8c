package org.backdrop.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Parsing the paths and URIs users give for --in and --out. */
class FileLocationsTest {

    @Test
    void plainPathIsLocal() {
        Path parsed = FileLocations.parse("data/voc");
        assertEquals(Path.of("data/voc"), parsed);
        assertTrue(FileLocations.isLocal(parsed));
    }

    @Test
    void windowsDriveIsNotAScheme() {
        assertEquals(FileSystems.getDefault(), FileLocations.parse("C:/data").getFileSystem());
    }

    @Test
    void fileUriIsLocalPath() {
        assertEquals(Path.of("/tmp/data set"), FileLocations.parse("file:///tmp/data%20set"));
    }

    @Test
    void formatGivesAbsoluteNormalisedPath() {
        Path relative = Path.of("a/../b");
        assertEquals(Path.of("b").toAbsolutePath().toString(), FileLocations.format(relative));
        assertEquals(relative.toAbsolutePath().normalize(), FileLocations.parse(FileLocations.format(relative)));
    }

    @Test
    void malformedUriIsRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> FileLocations.parse("hdfs://nn/a b"));
        assertTrue(error.getMessage().contains("invalid URI 'hdfs://nn/a b'"), error.getMessage());
    }

    /** Runs in the default build, and in the -Pspark build once more with Spark taken off the class path. */
    @Test
    @Tag("no-spark")
    void hadoopUriWithoutSparkGivesBuildHint() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> FileLocations.parse("hdfs://namenode:8020/data"));
        assertTrue(error.getMessage().contains("'hdfs://namenode:8020/data' is a Hadoop URI, which needs a build that includes Apache Spark"),
                error.getMessage());
    }
}
