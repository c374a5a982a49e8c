package org.backdrop.mask;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Compressed counts strings. The values for "235N0" and "\14d1" were computed with pycocotools'
 * maskApi.c (cocoapi commit 8c9bcc3). The others are worked out by hand in the comments.
 */
class RleCompressedStringTest {

    @Test
    void decodesSmallCounts() {
        Rle rle = Rle.fromCompressedString("235N0", 4, 4);

        assertArrayEquals(new int[] {2, 3, 5, 1, 5}, rle.counts());
    }

    @Test
    void encodesSmallCounts() {
        assertEquals("235N0", new Rle(4, 4, new int[] {2, 3, 5, 1, 5}).toCompressedString());
    }

    @Test
    void decodesStringWithBackslash() {
        Rle rle = Rle.fromCompressedString("\\14d1", 10, 10);

        assertArrayEquals(new int[] {44, 4, 52}, rle.counts());
    }

    @Test
    void encodesStringWithBackslash() {
        String encoded = new Rle(10, 10, new int[] {44, 4, 52}).toCompressedString();

        assertEquals(5, encoded.length());
        assertEquals("\\14d1", encoded);
    }

    /*
     * Counts [50, 60, 30, 20, 40] in a 10x20 mask, by hand:
     * 50 = 0b1_10010: low group 18 has the sign bit set and 50 >> 5 = 1 is not -1, so it continues:
     *   18 | 0x20 = 50 -> 'b', then 1 -> '1'.
     * 60 = 0b1_11100: 28 | 0x20 = 60 -> 'l', then '1'.
     * 30 = 0b11110 fits in 5 bits, but its sign bit is set, so a 0 group follows: 62 -> 'n', '0'.
     * 20 is stored as 20 - 60 = -40: low group 24 (sign bit set), -40 >> 5 = -2 is not -1:
     *   24 | 0x20 = 56 -> 'h'; then -2 gives group 30 with the sign bit and -2 >> 5 = -1: 78 -> 'N'.
     * 40 is stored as 40 - 30 = 10 -> ':'.
     */
    private static final int[] MULTI_GROUP_COUNTS = {50, 60, 30, 20, 40};
    private static final String MULTI_GROUP_STRING = "b1l1n0hN:";

    @Test
    void encodesNegativeDifferenceAndLongValues() {
        assertEquals(MULTI_GROUP_STRING, new Rle(10, 20, MULTI_GROUP_COUNTS).toCompressedString());
    }

    @Test
    void decodesNegativeDifferenceAndLongValues() {
        assertArrayEquals(MULTI_GROUP_COUNTS, Rle.fromCompressedString(MULTI_GROUP_STRING, 10, 20).counts());
    }

    @Test
    void emptyMaskOfHundredPixels() {
        // 100 = 0b11_00100: group 4 | 0x20 = 36 -> 'T', then 3 -> '3'.
        assertEquals("T3", new Rle(10, 10, new int[] {100}).toCompressedString());
    }

    @Test
    void zeroSizeMaskIsEmptyString() {
        Rle rle = Rle.fromCompressedString("", 0, 0);

        assertEquals(0, rle.runCount());
        assertEquals("", rle.toCompressedString());
    }

    @Test
    void countsNotMatchingSizeAreRejected() {
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> Rle.fromCompressedString("235N0", 5, 4));

        assertTrue(error.getMessage().contains("16"), error.getMessage());
        assertTrue(error.getMessage().contains("5x4"), error.getMessage());
    }

    @Test
    void characterOutsideAlphabetIsRejected() {
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> Rle.fromCompressedString("23 5N0", 4, 4));

        assertTrue(error.getMessage().contains("index 2"), error.getMessage());
    }

    @Test
    void stringEndingInsideValueIsRejected() {
        // 'T' carries the continuation bit, so a character must follow.
        assertThrows(IllegalArgumentException.class, () -> Rle.fromCompressedString("T", 10, 10));
    }

    @Test
    void negativeRunIsRejected() {
        // 'N' alone is -2.
        assertThrows(IllegalArgumentException.class, () -> Rle.fromCompressedString("N", 1, 1));
    }
}
