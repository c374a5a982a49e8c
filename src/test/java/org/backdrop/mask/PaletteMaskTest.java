package org.backdrop.mask;

import static org.backdrop.mask.CocoJson.doubles;
import static org.backdrop.mask.CocoJson.ints;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.backdrop.testing.SharedData;
import org.junit.jupiter.api.Test;

/**
 * Binary masks from VOC-style palette PNGs: the raster's sample is the class or instance index (the
 * colour from getRGB is not), and only pixels equal to the chosen index become foreground.
 */
class PaletteMaskTest {

    private static JsonNode expected() throws IOException {
        return CocoJson.read(SharedData.regressionCase("CV-08/expected.json"));
    }

    private static Rle maskOfValue(Path png, int value) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        Raster raster = image.getRaster();
        byte[] mask = new byte[image.getWidth() * image.getHeight()];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                mask[y * image.getWidth() + x] = (byte) (raster.getSample(x, y, 0) == value ? 1 : 0);
            }
        }
        return Rle.fromRowMajor(mask, image.getWidth(), image.getHeight());
    }

    @Test
    void classMaskMatchesReference() throws IOException {
        JsonNode expected = expected().get("SegmentationClass_tiny.png");

        Rle rle = maskOfValue(SharedData.regressionCase("CV-08/SegmentationClass_tiny.png"), 15);

        assertArrayEquals(ints(expected.get("class15_rle_counts")), rle.counts());
        assertEquals(expected.get("class15_area").asLong(), rle.area());
        assertArrayEquals(doubles(expected.get("class15_bbox")), rle.toBbox());
    }

    @Test
    void instanceMasksMatchReference() throws IOException {
        JsonNode expected = expected().get("SegmentationObject_tiny.png");
        Path png = SharedData.regressionCase("CV-08/SegmentationObject_tiny.png");

        for (int id = 1; id <= 2; id++) {
            Rle rle = maskOfValue(png, id);
            JsonNode instance = expected.get("instance_" + id);

            assertEquals(instance.get("area").asLong(), rle.area(), "instance " + id);
            assertArrayEquals(doubles(instance.get("bbox")), rle.toBbox(), "instance " + id);
        }
    }

    @Test
    void greyMaskMatchesReference() throws IOException {
        JsonNode expected = expected().get("binary_0_255.png");

        Rle rle = maskOfValue(SharedData.regressionCase("CV-08/binary_0_255.png"), 255);

        assertEquals(expected.get("object_area").asLong(), rle.area());
        assertArrayEquals(doubles(expected.get("object_bbox")), rle.toBbox());
    }
}
