package org.backdrop.engine.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.backdrop.augment.AugmentResult;
import org.backdrop.dataset.InvalidSample;
import org.junit.jupiter.api.Test;

class AugmentDocumentTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void readsVariantsSkippedAndManifest() throws Exception {
        String json = """
                {"variants": [{"name": "red", "images": 3, "dir": "/out/red"}, {"name": "mean", "images": 2, "dir": "/out/mean"}],
                 "skipped": [{"file": "JPEGImages/a.jpg", "reason": "no mask"}],
                 "manifest": "/out/manifest.json"}
                """;

        AugmentResult result = AugmentDocument.read(mapper.readTree(json));

        assertEquals(List.of(new AugmentResult.Variant("red", 3, Path.of("/out/red")), new AugmentResult.Variant("mean", 2, Path.of("/out/mean"))),
                result.variants());
        assertEquals(List.of(new InvalidSample("JPEGImages/a.jpg", "no mask")), result.skipped());
        assertEquals(Path.of("/out/manifest.json"), result.manifest());
    }

    @Test
    void missingFieldIsNamed() throws Exception {
        String json = """
                {"variants": [{"name": "red", "dir": "/out/red"}], "skipped": [], "manifest": "/m"}
                """;

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> AugmentDocument.read(mapper.readTree(json)));
        assertTrue(error.getMessage().contains("\"images\""), error.getMessage());
    }
}
