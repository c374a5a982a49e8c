package org.backdrop.model.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxRuntimeCleanupTest {

    @TempDir
    Path temp;

    private final Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();

    @Test
    void folderFoundInMaps() throws Exception {
        Path folder = tmp.resolve("onnxruntime-java123");
        Path maps = Files.writeString(temp.resolve("maps"), String.join("\n",
                "7f00-7f10 r-xp 00000000 fd:01 42 /usr/lib/x86_64-linux-gnu/libc.so.6",
                "7f20-7f30 r-xp 00000000 fd:01 43 " + folder.resolve("libonnxruntime.so"),
                "7f40-7f50 rw-p 00000000 00:00 0 [heap]", ""));

        assertEquals(Optional.of(folder), OnnxRuntimeEngine.extractionFolder(maps));
    }

    @Test
    void libraryOutsideTemporaryIgnored() throws Exception {
        Path maps = Files.writeString(temp.resolve("maps"),
                "7f20-7f30 r-xp 00000000 fd:01 43 /opt/ort/onnxruntime-java1/libonnxruntime.so\n");

        assertEquals(Optional.empty(), OnnxRuntimeEngine.extractionFolder(maps));
    }

    @Test
    void missingMapsGivesNothing() {
        assertEquals(Optional.empty(), OnnxRuntimeEngine.extractionFolder(temp.resolve("absent")));
    }
}
