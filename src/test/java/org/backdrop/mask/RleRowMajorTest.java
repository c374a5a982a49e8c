package org.backdrop.mask;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RleRowMajorTest {

    /** The 4x4 class-15 mask of a VOC palette PNG: object pixels (row, col) (1,1), (1,2), (2,1). */
    private static final byte[] OBJECT = {
        0, 0, 0, 0,
        0, 1, 1, 0,
        0, 1, 0, 0,
        0, 0, 0, 0,
    };

    @Test
    void encodesColumnMajorRuns() {
        Rle rle = Rle.fromRowMajor(OBJECT, 4, 4);

        // Column 0: 4 background; column 1: 1 bg, 2 fg, 1 bg; column 2: 1 bg, 1 fg, 2 bg; column 3: 4 bg.
        assertArrayEquals(new int[] {5, 2, 2, 1, 6}, rle.counts());
        assertEquals(3, rle.area());
    }

    @Test
    void firstPixelForegroundStartsWithZeroRun() {
        Rle rle = Rle.fromRowMajor(new byte[] {1, 0, 0, 0}, 2, 2);

        assertArrayEquals(new int[] {0, 1, 3}, rle.counts());
    }

    @Test
    void decodesBackToTheSamePixels() {
        assertArrayEquals(OBJECT, Rle.fromRowMajor(OBJECT, 4, 4).toRowMajor());
    }

    @Test
    void emptyMaskHasOneRun() {
        Rle rle = Rle.fromRowMajor(new byte[6], 3, 2);

        assertArrayEquals(new int[] {6}, rle.counts());
        assertEquals(0, rle.area());
    }

    @Test
    void countsThatDoNotSumToSizeAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Rle(2, 2, new int[] {1, 2}));
    }
}
