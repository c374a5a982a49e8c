package org.backdrop.dataset.cifar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.backdrop.image.RgbImage;
import org.backdrop.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CifarBatchesTest {

    @TempDir
    Path folder;

    @Test
    void readImageMatchesExpectedPixels() throws Exception {
        Path root = SharedData.regressionCase("CV-03");
        JsonNode expected = new ObjectMapper().readTree(root.resolve("expected.json").toFile()).get("records_in_order");

        for (JsonNode record : expected) {
            RgbImage image = CifarBatches.readImage(root.resolve(record.get("file").asText()), record.get("index_in_file").asInt());
            String where = record.get("file").asText() + "#" + record.get("index_in_file").asInt();
            assertArrayEquals(ints(record.get("rgb_at_x0_y0")), image.rgb(0, 0), where + " (0,0)");
            assertArrayEquals(ints(record.get("rgb_at_x1_y0")), image.rgb(1, 0), where + " (1,0)");
            assertArrayEquals(ints(record.get("rgb_at_x0_y1")), image.rgb(0, 1), where + " (0,1)");
        }
    }

    @Test
    void planesBecomeRowMajorPixels() throws IOException {
        Path batch = CifarTestData.writeBinaryBatch(folder, "data_batch_1.bin", 0, 1);

        RgbImage image = CifarBatches.readImage(batch, 1);

        assertArrayEquals(new int[] {5, 17, 1}, image.rgb(5, 17));
        assertArrayEquals(new int[] {31, 0, 1}, image.rgb(31, 0));
    }

    @Test
    void indexPastLastRecordThrows() throws IOException {
        Path batch = CifarTestData.writeBinaryBatch(folder, "data_batch_1.bin", 0, 1);

        IOException error = assertThrows(IOException.class, () -> CifarBatches.readImage(batch, 2));

        assertTrue(error.getMessage().contains("data_batch_1.bin has records 0 to 1; record 2 does not exist"), error.getMessage());
    }

    @Test
    void damagedFileThrowsWithLength() throws IOException {
        Path batch = Files.write(folder.resolve("data_batch_1.bin"), new byte[3073 + 5]);

        IOException error = assertThrows(IOException.class, () -> CifarBatches.readImage(batch, 0));

        assertTrue(error.getMessage().contains("3078 bytes is not a multiple of the 3073-byte"), error.getMessage());
    }

    @Test
    void imageToPlanesInvertsPlanesToImage() {
        byte[] planes = CifarTestData.planes(200);
        byte[] record = new byte[3073];

        CifarBatches.imageToPlanes(CifarBatches.planesToImage(planes, 0), record, 1);

        assertArrayEquals(planes, Arrays.copyOfRange(record, 1, 3073));
    }

    private static int[] ints(JsonNode array) {
        int[] values = new int[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asInt();
        }
        return values;
    }
}
