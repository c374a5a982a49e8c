package org.backdrop.dataset.voc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.IndexColorModel;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.backdrop.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexedMaskTest {

    @Test
    void paletteMaskReadsIndices() throws Exception {
        IndexedMask mask = IndexedMask.read(SharedData.regressionCase("CV-08/SegmentationClass_tiny.png"));

        assertEquals(15, mask.valueAt(1, 1));
        assertEquals(255, mask.valueAt(3, 1));
        assertEquals(0, mask.valueAt(0, 0));
    }

    @Test
    void classMaskEncodesBinaryRuns() throws Exception {
        IndexedMask mask = IndexedMask.read(SharedData.regressionCase("CV-08/SegmentationClass_tiny.png"));

        assertArrayEquals(new int[] {5, 2, 2, 1, 6}, mask.maskOf(15).counts());
        assertEquals(3, mask.maskOf(15).area());
    }

    @Test
    void voidPixelsAreNotBackground() throws Exception {
        IndexedMask mask = IndexedMask.read(SharedData.regressionCase("CV-08/SegmentationClass_tiny.png"));

        long[] histogram = mask.histogram();
        assertEquals(11, histogram[0]);
        assertEquals(2, histogram[255]);
        assertEquals(255, mask.valueAt(3, 1));
        assertEquals(255, mask.valueAt(2, 2));
    }

    @Test
    void instanceMaskHasTwoInstances() throws Exception {
        IndexedMask mask = IndexedMask.read(SharedData.regressionCase("CV-08/SegmentationObject_tiny.png"));

        assertEquals(3, mask.maskOf(1).area());
        assertEquals(3, mask.maskOf(2).area());
        assertEquals(2, mask.valueAt(3, 2));
        assertEquals(2, mask.valueAt(2, 3));
        assertEquals(2, mask.valueAt(3, 3));
    }

    @Test
    void greyBinaryMaskKeepsValue255() throws Exception {
        IndexedMask mask = IndexedMask.read(SharedData.regressionCase("CV-08/binary_0_255.png"));

        assertEquals(4, mask.maskOf(255).area());
        assertEquals(255, mask.valueAt(1, 1));
        assertEquals(255, mask.valueAt(2, 2));
        assertEquals(0, mask.valueAt(3, 3));
    }

    @Test
    void paletteColoursFollowVocColourMap() {
        assertArrayEquals(new int[] {192, 128, 128}, VocPalette.colour(15));
        assertArrayEquals(new int[] {224, 224, 192}, VocPalette.colour(255));
        assertArrayEquals(new int[] {0, 0, 0}, VocPalette.colour(0));
        assertArrayEquals(new int[] {128, 0, 0}, VocPalette.colour(1));
    }

    @Test
    void encodedPngKeepsIndicesAndPalette(@TempDir Path folder) throws Exception {
        IndexedMask mask = new IndexedMask(3, 1, new byte[] {0, 15, (byte) 255});
        Path png = java.nio.file.Files.write(folder.resolve("mask.png"), VocPalette.encodePng(mask));

        IndexColorModel palette = (IndexColorModel) ImageIO.read(png.toFile()).getColorModel();

        assertEquals(mask, IndexedMask.read(png));
        assertEquals(192, palette.getRed(15));
        assertEquals(128, palette.getGreen(15));
        assertEquals(128, palette.getBlue(15));
        assertEquals(224, palette.getRed(255));
        assertEquals(192, palette.getBlue(255));
    }
}
