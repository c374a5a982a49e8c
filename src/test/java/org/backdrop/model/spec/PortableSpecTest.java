package org.backdrop.model.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.backdrop.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A spec that names a class-names file becomes text that another machine reads without that file. */
class PortableSpecTest {

    @TempDir
    Path folder;

    @Test
    void classNamesFileIsWrittenOut() throws Exception {
        Path spec = Files.createDirectories(folder.resolve("here")).resolve("FastestDet.spec.json");
        Files.copy(Path.of("src/test/resources/models/FastestDet.spec.json"), spec);
        Path names = spec.resolveSibling("coco.names");
        Files.copy(SharedData.fixture("models/detection_coco/coco.names"), names);
        List<String> expected = Files.readAllLines(names).stream().map(String::strip).filter(line -> !line.isEmpty()).toList();

        PortableSpec portable = PortableSpec.of(spec);
        Files.delete(names);
        ModelSpec read = copy(portable).read();

        assertEquals(80, expected.size());
        assertEquals(expected, read.classNames());
        assertFalse(portable.json().contains("coco.names"), portable.json());
        // The output as the spec file writes it: {"kind": "grid", "decoder": "fastestdet", "scoreThreshold": 0.65, "nmsIou": 0.45, ...}
        assertEquals(new OutputSpec.GridDetections("fastestdet", 0.65, 0.45, true), read.output());
        assertEquals(spec.toString(), read.source());
    }

    @Test
    void missingClassNamesFileIsAnError() throws Exception {
        Path spec = folder.resolve("FastestDet.spec.json");
        Files.copy(Path.of("src/test/resources/models/FastestDet.spec.json"), spec);

        ModelSpecException error = assertThrows(ModelSpecException.class, () -> PortableSpec.of(spec));
        assertTrue(error.getMessage().contains("coco.names"), error.getMessage());
    }

    private static PortableSpec copy(PortableSpec spec) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(spec);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (PortableSpec) in.readObject();
        }
    }
}
