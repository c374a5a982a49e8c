package org.backdrop.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.backdrop.image.ImageDecodeException.Reason;
import org.backdrop.testing.SharedData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A 64x128 baseline JPEG (8x8 blocks, no subsampling) and a copy cut after 1655 bytes, without EOI.
 * Sizes and the grey level come from the case's expected.json.
 */
class TruncatedJpegCaseTest {

    private static final int BLOCK = 8;

    private Path complete;
    private Path truncated;
    private JsonNode lenient;

    @BeforeEach
    void readCase() throws IOException {
        complete = SharedData.regressionCase("CV-11/complete.jpg");
        truncated = SharedData.regressionCase("CV-11/truncated.jpg");
        JsonNode expected = new ObjectMapper().readTree(SharedData.regressionCase("CV-11/expected.json").toFile());
        lenient = expected.get("truncated.jpg").get("lenient_option");
    }

    @Test
    void strictDecodeReportsTruncation() {
        ImageDecodeException error = assertThrows(ImageDecodeException.class, () -> ImageDecoder.decode(truncated));

        assertEquals(Reason.TRUNCATED, error.reason());
        assertTrue(error.getMessage().contains("truncated.jpg"), error.getMessage());
        assertTrue(error.getMessage().contains("truncated"), error.getMessage());
    }

    @Test
    void lenientDecodeHasFullSize() throws Exception {
        RgbImage image = ImageDecoder.decode(truncated, DecodeOptions.defaults().withLenient(true));

        assertEquals(lenient.get("size_wh").get(0).asInt(), image.width());
        assertEquals(lenient.get("size_wh").get(1).asInt(), image.height());
    }

    @Test
    void lenientDecodeKeepsIntactRows() throws Exception {
        RgbImage image = ImageDecoder.decode(truncated, DecodeOptions.defaults().withLenient(true));
        RgbImage reference = ImageDecoder.decode(complete);

        for (int y = 0; y <= 55; y++) {
            for (int x = 0; x < image.width(); x++) {
                assertArrayEquals(reference.rgb(x, y), image.rgb(x, y), "pixel (" + x + "," + y + ")");
            }
        }
    }

    /**
     * Rows 64 to 127 have no data in the file and are mid grey. In rows 56 to 63 the file still contains
     * the first six 8x8 blocks (columns 0 to 47). Pillow 9.4 with LOAD_TRUNCATED_IMAGES and JDK 17
     * ImageIO both decode those six blocks as in the complete file and fill only the last two grey, and
     * this decoder does the same.
     */
    @Test
    void lenientDecodeFillsMissingBlocksGrey() throws Exception {
        RgbImage image = ImageDecoder.decode(truncated, DecodeOptions.defaults().withLenient(true));
        RgbImage reference = ImageDecoder.decode(complete);
        int[] grey = new int[3];
        for (int channel = 0; channel < 3; channel++) {
            grey[channel] = lenient.get("rows_56_to_127").get(channel).asInt();
        }

        for (int y = 56; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                boolean presentBlock = y < 64 && x < 6 * BLOCK;
                int[] expected = presentBlock ? reference.rgb(x, y) : grey;
                assertArrayEquals(expected, image.rgb(x, y), "pixel (" + x + "," + y + ")");
            }
        }
    }
}
