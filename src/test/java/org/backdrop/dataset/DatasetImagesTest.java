package org.backdrop.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.backdrop.image.RgbImage;
import org.backdrop.testing.SharedData;
import org.junit.jupiter.api.Test;

class DatasetImagesTest {

    private final DatasetImages images = new DatasetImages();

    private static Dataset datasetOf(Path root, Sample sample) {
        return new Dataset(DatasetFormat.FOLDER, root, List.of(new Category(0, "flag")), List.of(sample), List.of());
    }

    @Test
    void fileIsDecodedUpright() throws Exception {
        Path root = SharedData.regressionCase("CV-09");
        Sample sample = new Sample("exif_orient6", new ImageRef.File("exif_orient6.jpg"), 16, 32, List.of(0), List.of());

        RgbImage image = images.load(datasetOf(root, sample), sample);

        assertEquals(16, image.width());
        assertEquals(32, image.height());
        assertColour(new int[] {255, 0, 0}, image.rgb(8, 4));
        assertColour(new int[] {0, 0, 255}, image.rgb(8, 28));
    }

    /** Checks each channel within the tolerance of 4 that JPEG decoders differ by. */
    private static void assertColour(int[] expected, int[] actual) {
        for (int channel = 0; channel < 3; channel++) {
            assertEquals(expected[channel], actual[channel], 4, "channel " + channel + " of " + Arrays.toString(actual));
        }
    }

    @Test
    void declaredSizeMismatchThrows() {
        Path root = SharedData.regressionCase("CV-09");
        Sample sample = new Sample("exif_orient6", new ImageRef.File("exif_orient6.jpg"), 20, 20, List.of(0), List.of());

        IOException error = assertThrows(IOException.class, () -> images.load(datasetOf(root, sample), sample));

        assertTrue(error.getMessage().contains("size mismatch"), error.getMessage());
    }

    @Test
    void fileOutsideRootIsRejected() {
        Path root = SharedData.regressionCase("CV-09");
        Sample sample = new Sample("x", new ImageRef.File("../CV-11/complete.jpg"), 0, 0, List.of(0), List.of());

        assertThrows(SafePaths.UnsafePathException.class, () -> images.load(datasetOf(root, sample), sample));
    }

    @Test
    void binaryRecordIsRead() throws Exception {
        Path root = SharedData.regressionCase("CV-03");
        Sample sample = new Sample("3", new ImageRef.CifarRecord("data_batch_2.bin", 0), 32, 32, List.of(3), List.of());

        RgbImage image = images.load(datasetOf(root, sample), sample);

        assertArrayEquals(new int[] {40, 103, 203}, image.rgb(0, 0));
    }
}
