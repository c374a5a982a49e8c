package org.backdrop.mask;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Union and intersection of 4x4 masks. Runs are column-major and start with background. */
class RleMergeTest {

    /** Columns 0 and 1. */
    private static final Rle LEFT = new Rle(4, 4, new int[] {0, 8, 8});
    /** Columns 1 and 2. */
    private static final Rle MIDDLE = new Rle(4, 4, new int[] {4, 8, 4});
    /** Column 3. */
    private static final Rle RIGHT = new Rle(4, 4, new int[] {12, 4});
    private static final Rle EMPTY = new Rle(4, 4, new int[] {16});

    @Test
    void unionOfOverlappingMasks() {
        assertArrayEquals(new int[] {0, 12, 4}, Rle.merge(List.of(LEFT, MIDDLE), false).counts());
    }

    @Test
    void intersectionOfOverlappingMasks() {
        assertArrayEquals(new int[] {4, 4, 8}, Rle.merge(List.of(LEFT, MIDDLE), true).counts());
    }

    @Test
    void unionOfTouchingMasksHasNoSeam() {
        assertArrayEquals(new int[] {4, 12}, Rle.merge(List.of(MIDDLE, RIGHT), false).counts());
    }

    @Test
    void intersectionOfDisjointMasksIsEmpty() {
        assertArrayEquals(new int[] {16}, Rle.merge(List.of(LEFT, RIGHT), true).counts());
    }

    @Test
    void unionWithEmptyMaskIsUnchanged() {
        assertArrayEquals(LEFT.counts(), Rle.merge(List.of(EMPTY, LEFT), false).counts());
    }

    @Test
    void unionOfThreeMasksIsFull() {
        assertArrayEquals(new int[] {0, 16}, Rle.merge(List.of(RIGHT, LEFT, MIDDLE), false).counts());
    }

    @Test
    void singleMaskIsReturned() {
        assertSame(LEFT, Rle.merge(List.of(LEFT), true));
    }

    @Test
    void emptyListIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Rle.merge(List.of(), false));
    }

    @Test
    void differentSizesAreRejected() {
        Rle other = new Rle(2, 8, new int[] {16});

        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> Rle.merge(List.of(LEFT, other), false));

        assertTrue(error.getMessage().contains("4x4"), error.getMessage());
        assertTrue(error.getMessage().contains("2x8"), error.getMessage());
    }
}
