package org.backdrop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.backdrop.testing.SharedData;
import org.junit.jupiter.api.Test;

/** {@code inspect} on COCO files; the expected counts are those of the JSON files themselves. */
class InspectCocoTest {

    @Test
    void cocoSubsetWithImages() throws Exception {
        // 6 images, 36 annotations (35 polygons and 1 crowd RLE), 80 categories defined.
        JsonNode json = InspectCommandTest.inspect(0, SharedData.fixture("coco/icevision_coco2017_subset"));

        assertEquals("coco", json.get("format").asText());
        assertEquals(6, json.get("images").asInt());
        assertEquals(36, json.get("annotations").asInt());
        assertEquals(1, json.get("crowd").asInt());
        assertEquals(36, json.get("withMasks").asInt());
        assertEquals(80, json.get("categories").size());
    }

    @Test
    void annotationFileWithoutImages() throws Exception {
        // COCO val2014's first 100 images: 839 annotations, 9 of them crowds; the images are not included.
        JsonNode json = InspectCommandTest.inspect(0, SharedData.fixture("coco/val2014_first100_eval/instances_val2014_100.json"),
                "--annotations-only");

        assertEquals(100, json.get("images").asInt());
        assertEquals(839, json.get("annotations").asInt());
        assertEquals(9, json.get("crowd").asInt());
    }

    @Test
    void missingImagesAreListed() throws Exception {
        // Two images, a.png and b.png, with no image files beside the annotation file.
        JsonNode json = InspectCommandTest.inspect(3, SharedData.regressionCase("CV-04/coco_rle_compressed.json"));

        assertEquals(0, json.get("images").asInt());
        assertEquals(java.util.Set.of("a.png", "b.png"), InspectCommandTest.files(json));
    }

    @Test
    void compressedAndListRleAreRead() throws Exception {
        JsonNode json = InspectCommandTest.inspect(0, SharedData.regressionCase("CV-04/coco_rle_compressed.json"), "--annotations-only");

        assertEquals(2, json.get("images").asInt());
        assertEquals(3, json.get("withMasks").asInt());
    }

    @Test
    void twoPointPolygonsAreRead() throws Exception {
        JsonNode json = InspectCommandTest.inspect(0, SharedData.regressionCase("CV-05/coco_two_point_polygon.json"), "--annotations-only");

        assertEquals(3, json.get("annotations").asInt());
    }

    @Test
    void exifRotatedImageMatchesDeclaredSize() throws Exception {
        // Stored 32x16 with orientation 6, declared 16x32: upright, the sizes match.
        JsonNode json = InspectCommandTest.inspect(0, SharedData.regressionCase("CV-09/coco_exif.json"));

        assertEquals(1, json.get("images").asInt());
        assertEquals(0, json.get("invalid").size());
    }

    @Test
    void categoryIdsKeptAsGiven() throws Exception {
        JsonNode json = InspectCommandTest.inspect(0, SharedData.regressionCase("CV-21/coco_noncontiguous_ids.json"), "--annotations-only");

        List<String> categories = new ArrayList<>();
        json.get("categories").forEach(c -> categories.add(c.get("id").asInt() + ":" + c.get("name").asText() + ":" + c.get("annotations").asInt()));
        assertEquals(List.of("0:cat:1", "1:dog:1", "3:bird:1"), categories);
    }
}
