package org.backdrop.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ForegroundMaskTest {

    /** 3 x 2, row by row: foreground at (1, 0), (1, 1) and (2, 1). */
    private static final ForegroundMask MASK = new ForegroundMask(3, 2, new byte[] {0, 1, 0, 0, 1, 1});

    @Test
    void fractionCountsForeground() {
        assertEquals(0.5, MASK.foregroundFraction(), 1e-12);
    }

    @Test
    void pixelLookupIsRowMajor() {
        assertTrue(MASK.isForeground(2, 1));
        assertEquals(false, MASK.isForeground(2, 0));
    }

    @Test
    void rleIsColumnMajor() {
        // Column by column: (0,0) 0, (0,1) 0, (1,0) 1, (1,1) 1, (2,0) 0, (2,1) 1 -> runs 2, 2, 1, 1.
        assertArrayEquals(new int[] {2, 2, 1, 1}, MASK.toRle().counts());
    }

    @Test
    void wrongLengthRejected() {
        assertThrows(IllegalArgumentException.class, () -> new ForegroundMask(2, 2, new byte[3]));
    }
}
