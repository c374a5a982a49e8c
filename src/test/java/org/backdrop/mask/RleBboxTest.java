package org.backdrop.mask;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** Bounding boxes as {@code [x, y, width, height]}. The expected boxes are read off the drawn pixels. */
class RleBboxTest {

    @Test
    void emptyMaskGivesZeros() {
        assertArrayEquals(new double[] {0, 0, 0, 0}, new Rle(4, 4, new int[] {16}).toBbox());
    }

    @Test
    void zeroSizeMaskGivesZeros() {
        assertArrayEquals(new double[] {0, 0, 0, 0}, new Rle(0, 0, new int[0]).toBbox());
    }

    @Test
    void fullMaskCoversImage() {
        assertArrayEquals(new double[] {0, 0, 4, 3}, new Rle(3, 4, new int[] {0, 12}).toBbox());
    }

    @Test
    void singlePixelImage() {
        assertArrayEquals(new double[] {0, 0, 1, 1}, new Rle(1, 1, new int[] {0, 1}).toBbox());
    }

    @Test
    void runInsideOneColumn() {
        // 4x4: pixels 5 and 6 are column 1, rows 1 and 2.
        assertArrayEquals(new double[] {1, 1, 1, 2}, new Rle(4, 4, new int[] {5, 2, 9}).toBbox());
    }

    @Test
    void runWrappingIntoNextColumn() {
        // 4x4: pixel 3 is (column 0, row 3) and pixel 4 is (column 1, row 0).
        assertArrayEquals(new double[] {0, 0, 2, 4}, new Rle(4, 4, new int[] {3, 2, 11}).toBbox());
    }

    @Test
    void paletteObjectMask() {
        // Object pixels (row, column) (1,1), (2,1), (1,2) of a 4x4 image.
        assertArrayEquals(new double[] {1, 1, 2, 2}, new Rle(4, 4, new int[] {5, 2, 2, 1, 6}).toBbox());
    }

    @Test
    void twoObjectsInTwoColumns() {
        // 4x4: column 0 rows 2-3, column 1 row 0, column 2 row 2.
        assertArrayEquals(new double[] {0, 0, 3, 4}, new Rle(4, 4, new int[] {2, 3, 5, 1, 5}).toBbox());
    }

    @Test
    void trailingForegroundRun() {
        // 3x3: the last column is foreground, so the counts end with a foreground run.
        assertArrayEquals(new double[] {2, 0, 1, 3}, new Rle(3, 3, new int[] {6, 3}).toBbox());
    }
}
