package org.backdrop.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.backdrop.testing.SharedData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JPEG stored 32x16 (left half red, right half blue) with EXIF Orientation 6, whose COCO annotation
 * declares the upright size 16x32. Expected values come from the case's expected.json and annotation.
 */
class ExifOrientationCaseTest {

    private Path image;
    private JsonNode expected;
    private JsonNode annotatedImage;

    @BeforeEach
    void readCase() throws IOException {
        image = SharedData.regressionCase("CV-09/exif_orient6.jpg");
        ObjectMapper json = new ObjectMapper();
        expected = json.readTree(SharedData.regressionCase("CV-09/expected.json").toFile());
        annotatedImage = json.readTree(SharedData.regressionCase("CV-09/coco_exif.json").toFile()).get("images").get(0);
    }

    @Test
    void headerHasStoredSizeAndOrientation() throws Exception {
        ImageHeader header = ImageHeader.read(image);

        assertEquals(expected.get("stored_size_wh").get(0).asInt(), header.width());
        assertEquals(expected.get("stored_size_wh").get(1).asInt(), header.height());
        assertEquals(expected.get("exif_orientation").asInt(), header.exifOrientation());
    }

    @Test
    void decodeTurnsUpright() throws Exception {
        RgbImage decoded = ImageDecoder.decode(image);

        assertEquals(expected.get("decoded_size_wh_after_orientation").get(0).asInt(), decoded.width());
        assertEquals(expected.get("decoded_size_wh_after_orientation").get(1).asInt(), decoded.height());
        assertNear(expected.get("rgb_at_x8_y4"), decoded.rgb(8, 4));
        assertNear(expected.get("rgb_at_x8_y28"), decoded.rgb(8, 28));
    }

    @Test
    void annotatedSizeSelectsUpright() throws Exception {
        DecodeOptions storedOrientation = DecodeOptions.defaults().withApplyExifOrientation(false);

        RgbImage decoded = ImageDecoder.decodeForExpectedSize(
                image, storedOrientation, annotatedImage.get("width").asInt(), annotatedImage.get("height").asInt());

        assertEquals(annotatedImage.get("width").asInt(), decoded.width());
        assertEquals(annotatedImage.get("height").asInt(), decoded.height());
        assertNear(expected.get("rgb_at_x8_y4"), decoded.rgb(8, 4));
    }

    /** Writing an upright copy must not keep orientation 6, or readers would turn it a second time. */
    @Test
    void writtenCopyIsUprightWithoutTag(@TempDir Path folder) throws Exception {
        Path copy = folder.resolve("upright.jpg");
        ImageEncoder.writeJpeg(ImageDecoder.decode(image), copy, 95);

        ImageHeader header = ImageHeader.read(copy);

        assertEquals(1, header.exifOrientation());
        assertEquals(annotatedImage.get("width").asInt(), header.width());
        assertEquals(annotatedImage.get("height").asInt(), header.height());
    }

    private void assertNear(JsonNode expectedRgb, int[] actual) {
        int tolerance = expected.get("tolerance").asInt();
        for (int channel = 0; channel < 3; channel++) {
            int wanted = expectedRgb.get(channel).asInt();
            assertTrue(Math.abs(wanted - actual[channel]) <= tolerance,
                    "expected " + expectedRgb + " within " + tolerance + ", got " + Arrays.toString(actual));
        }
    }
}
