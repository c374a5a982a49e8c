package org.backdrop.mask;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentationsTest {

    @Test
    void polygonsAreRasterised() {
        // Square from (1, 1) to (3, 3): columns 1-2, rows 1-2 of a 4x4 image.
        Segmentation square = new PolygonSegmentation(List.of(new double[] {1, 1, 3, 1, 3, 3, 1, 3}));

        assertArrayEquals(new int[] {5, 2, 2, 2, 5}, Segmentations.toRle(square, 4, 4).counts());
    }

    @Test
    void rleIsReturnedUnchanged() {
        Rle rle = new Rle(4, 4, new int[] {5, 2, 2, 2, 5});

        assertSame(rle, Segmentations.toRle(new RleSegmentation(rle, true), 4, 4));
    }

    @Test
    void rleOfOtherSizeIsRejected() {
        RleSegmentation segmentation = new RleSegmentation(new Rle(4, 4, new int[] {16}), false);

        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> Segmentations.toRle(segmentation, 2, 8));

        assertTrue(error.getMessage().contains("4x4"), error.getMessage());
        assertTrue(error.getMessage().contains("2x8"), error.getMessage());
    }
}
