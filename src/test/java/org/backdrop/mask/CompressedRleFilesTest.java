package org.backdrop.mask;

import static org.backdrop.mask.CocoJson.doubles;
import static org.backdrop.mask.CocoJson.ints;
import static org.backdrop.mask.CocoJson.mask;
import static org.backdrop.mask.CocoJson.read;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.backdrop.testing.SharedData;
import org.junit.jupiter.api.Test;

/** Compressed and list-form RLE from shared COCO files, checked against the values recorded with them. */
class CompressedRleFilesTest {

    private static List<int[]> foregroundRowColumn(Rle rle) {
        byte[] pixels = rle.toRowMajor();
        List<int[]> foreground = new ArrayList<>();
        // Column-major order, as the reference lists them.
        for (int x = 0; x < rle.width(); x++) {
            for (int y = 0; y < rle.height(); y++) {
                if (pixels[y * rle.width() + x] != 0) {
                    foreground.add(new int[] {y, x});
                }
            }
        }
        return foreground;
    }

    private static JsonNode expectedEntry(JsonNode expected, String prefix) {
        for (var entries = expected.fields(); entries.hasNext(); ) {
            var entry = entries.next();
            if (entry.getKey().startsWith(prefix)) {
                return entry.getValue();
            }
        }
        throw new AssertionError("no entry starting with " + prefix);
    }

    private static void assertMatches(JsonNode expected, Rle rle) {
        assertArrayEquals(ints(expected.get("uncompressed_counts")), rle.counts());
        assertEquals(expected.get("area").asLong(), rle.area());
        assertArrayEquals(doubles(expected.get("bbox")), rle.toBbox());
        List<int[]> pixels = foregroundRowColumn(rle);
        JsonNode expectedPixels = expected.get("foreground_row_col");
        assertEquals(expectedPixels.size(), pixels.size());
        for (int i = 0; i < pixels.size(); i++) {
            assertArrayEquals(ints(expectedPixels.get(i)), pixels.get(i), "pixel " + i);
        }
    }

    @Test
    void smallStringMatchesReference() throws IOException {
        JsonNode annotations = read(SharedData.regressionCase("CV-04/coco_rle_compressed.json")).get("annotations");
        JsonNode expected = read(SharedData.regressionCase("CV-04/expected.json"));

        assertMatches(expectedEntry(expected, "ann1"), mask(annotations.get(0).get("segmentation")));
    }

    @Test
    void listFormMatchesStringForm() throws IOException {
        JsonNode annotations = read(SharedData.regressionCase("CV-04/coco_rle_compressed.json")).get("annotations");
        JsonNode expected = read(SharedData.regressionCase("CV-04/expected.json"));

        Rle fromList = mask(annotations.get(1).get("segmentation"));

        assertMatches(expectedEntry(expected, "ann1"), fromList);
        assertEquals(expected.get("writer").get("encode [2,3,5,1,5] in 4x4").asText(), fromList.toCompressedString());
    }

    @Test
    void backslashStringMatchesReference() throws IOException {
        JsonNode annotations = read(SharedData.regressionCase("CV-04/coco_rle_compressed.json")).get("annotations");
        JsonNode expected = read(SharedData.regressionCase("CV-04/expected.json"));

        assertMatches(expectedEntry(expected, "ann3"), mask(annotations.get(2).get("segmentation")));
    }

    @Test
    void backslashStringWritesEscapedJson() throws IOException {
        JsonNode writer = read(SharedData.regressionCase("CV-04/expected.json")).get("writer");
        Rle rle = new Rle(10, 10, new int[] {44, 4, 52});

        assertEquals(writer.get("encode [44,4,52] in 10x10 to compressed string").asText(), rle.toCompressedString());
        ObjectNode segmentation = CocoJson.MAPPER.createObjectNode().put("counts", rle.toCompressedString());
        String text = CocoJson.MAPPER.writeValueAsString(segmentation);
        // The reference text is pretty-printed as "counts": "\\14d1", and the compact form has no space.
        assertEquals(writer.get("json text must contain").asText().replace(": ", ":"), text.substring(1, text.length() - 1));
        assertEquals(rle, Rle.fromCompressedString(CocoJson.MAPPER.readTree(text).get("counts").asText(), 10, 10));
    }

    @Test
    void officialFakeResultsRoundTrip() throws IOException {
        JsonNode results = read(SharedData.fixture("coco/val2014_first100_eval/instances_val2014_fakesegm100_results.json"));

        assertEquals(734, results.size());
        int withBackslash = 0;
        for (JsonNode result : results) {
            JsonNode segmentation = result.get("segmentation");
            String counts = segmentation.get("counts").asText();
            assertEquals(counts, mask(segmentation).toCompressedString(), "image " + result.get("image_id"));
            withBackslash += counts.indexOf('\\') >= 0 ? 1 : 0;
        }
        assertTrue(withBackslash > 0, "the file should exercise backslashes");
    }

    @Test
    void referenceDetectionsRoundTrip() throws IOException {
        int checked = 0;
        for (Path detections : referenceFiles("dt.json")) {
            for (JsonNode detection : read(detections)) {
                JsonNode segmentation = detection.get("segmentation");
                if (segmentation == null) {
                    continue;
                }
                String counts = segmentation.get("counts").asText();
                assertEquals(counts, mask(segmentation).toCompressedString(), detections + " image " + detection.get("image_id"));
                checked++;
            }
        }
        assertTrue(checked > 1000, "checked only " + checked + " masks");
    }

    @Test
    void referenceCrowdRegionsMatchRecordedAreaAndBox() throws IOException {
        // The generator of these files stored each crowd mask's pixel count and bounds with it.
        int checked = 0;
        for (Path groundTruth : referenceFiles("gt.json")) {
            for (JsonNode annotation : read(groundTruth).get("annotations")) {
                JsonNode segmentation = annotation.get("segmentation");
                if (!segmentation.isObject()) {
                    continue;
                }
                Rle rle = mask(segmentation);
                String where = groundTruth + " annotation " + annotation.get("id");
                assertEquals(annotation.get("area").asDouble(), rle.area(), where);
                assertArrayEquals(doubles(annotation.get("bbox")), rle.toBbox(), where);
                checked++;
            }
        }
        assertEquals(15, checked);
    }

    @Test
    void officialCrowdListsRoundTripThroughStrings() throws IOException {
        JsonNode annotations = read(SharedData.fixture("coco/val2014_first100_eval/instances_val2014_100.json")).get("annotations");

        int checked = 0;
        for (JsonNode annotation : annotations) {
            JsonNode segmentation = annotation.get("segmentation");
            if (!segmentation.isObject()) {
                continue;
            }
            Rle rle = mask(segmentation);
            Rle again = Rle.fromCompressedString(rle.toCompressedString(), rle.height(), rle.width());
            assertArrayEquals(ints(segmentation.get("counts")), again.counts(), "annotation " + annotation.get("id"));
            checked++;
        }
        assertEquals(9, checked);
    }

    private static List<Path> referenceFiles(String name) throws IOException {
        Path coco = SharedData.reference("coco");
        try (Stream<Path> cases = Files.list(coco)) {
            return cases.map(folder -> folder.resolve(name)).filter(Files::isRegularFile).sorted().toList();
        }
    }
}
