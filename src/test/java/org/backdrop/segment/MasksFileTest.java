package org.backdrop.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.backdrop.mask.Rle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasksFileTest {

    /** The 4x4 mask with runs [2,3,5,1,5], whose COCO compressed string is "235N0". */
    private static final Rle MASK = new Rle(4, 4, new int[] {2, 3, 5, 1, 5});

    @Test
    void writesCocoResultsWithCompressedCounts(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("masks.json");

        MasksFile.write(file, List.of(new MasksFile.Entry("397133", "images/397133.jpg", 18, MASK, "annotations")));

        JsonNode entry = new ObjectMapper().readTree(file.toFile()).get(0);
        assertEquals(397133, entry.get("image_id").asLong());
        assertTrue(entry.get("image_id").isNumber());
        assertEquals("235N0", entry.get("segmentation").get("counts").asText());
        assertEquals(4, entry.get("area").asInt());
        assertEquals(1, entry.get("score").asInt());
    }

    @Test
    void textIdsStayText(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("masks.json");

        MasksFile.write(file, List.of(new MasksFile.Entry("2007_000063", "JPEGImages/2007_000063.jpg", 12, MASK, "grabcut")));

        assertTrue(new ObjectMapper().readTree(file.toFile()).get(0).get("image_id").isTextual());
    }

    @Test
    void readsBackWhatItWrote(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("masks.json");
        List<MasksFile.Entry> entries = List.of(
                new MasksFile.Entry("1", "a.jpg", 0, MASK, "grabcut"),
                new MasksFile.Entry("cat_0001", "cat/0001.jpg", 3, new Rle(2, 3, new int[] {6}), "annotations"));

        MasksFile.write(file, entries);
        Map<String, MasksFile.Entry> read = MasksFile.read(file);

        assertEquals(List.copyOf(entries), List.copyOf(read.values()));
    }

    @Test
    void repeatedImageIdIsRejected(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("masks.json");
        MasksFile.write(file, List.of(new MasksFile.Entry("1", "a.jpg", 0, MASK, "grabcut"), new MasksFile.Entry("1", "a.jpg", 0, MASK, "grabcut")));

        IOException error = assertThrows(IOException.class, () -> MasksFile.read(file));
        assertTrue(error.getMessage().contains("repeats image_id 1"), error.getMessage());
    }

    @Test
    void writeLeavesNoTemporaryFile(@TempDir Path folder) throws Exception {
        MasksFile.write(folder.resolve("masks.json"), List.of());

        try (var files = Files.list(folder)) {
            assertEquals(List.of(folder.resolve("masks.json")), files.toList());
        }
    }
}
