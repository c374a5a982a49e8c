package org.backdrop.mask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Mask and box IoU. Expected values are intersection / union counted by hand, written as the same
 * double division pycocotools performs. For crowds the denominator is the detection's area.
 */
class MaskIouTest {

    /** Columns 0 and 1 of a 4x4 mask: 8 px. */
    private static final Rle LEFT = new Rle(4, 4, new int[] {0, 8, 8});
    /** Columns 1 and 2: 8 px, 4 of them shared with LEFT. */
    private static final Rle MIDDLE = new Rle(4, 4, new int[] {4, 8, 4});
    /** Columns 2 and 3: touches LEFT without overlap. */
    private static final Rle RIGHT = new Rle(4, 4, new int[] {8, 8});
    /** Pixels (row 0, column 0) and (row 3, column 3): the box covers the whole image. */
    private static final Rle CORNERS = new Rle(4, 4, new int[] {0, 1, 14, 1});
    /** Pixel (row 2, column 1), inside the box of CORNERS but not on its pixels. */
    private static final Rle CENTRE = new Rle(4, 4, new int[] {6, 1, 9});
    private static final Rle EMPTY = new Rle(4, 4, new int[] {16});

    private static double single(Rle dt, Rle gt, boolean crowd) {
        return MaskIou.iou(List.of(dt), List.of(gt), new boolean[] {crowd})[0][0];
    }

    @Test
    void overlappingMasks() {
        assertEquals(4.0 / 12.0, single(LEFT, MIDDLE, false));
    }

    @Test
    void identicalMasks() {
        assertEquals(1.0, single(MIDDLE, MIDDLE, false));
    }

    @Test
    void crowdDividesByDetectionArea() {
        assertEquals(4.0 / 8.0, single(LEFT, MIDDLE, true));
    }

    @Test
    void crowdContainingDetectionScoresOne() {
        Rle full = new Rle(4, 4, new int[] {0, 16});

        assertEquals(1.0, single(MIDDLE, full, true));
    }

    @Test
    void touchingMasks() {
        assertEquals(0.0, single(LEFT, RIGHT, false));
    }

    @Test
    void overlappingBoxesDisjointPixels() {
        assertEquals(0.0, single(CENTRE, CORNERS, false));
    }

    @Test
    void emptyMasks() {
        assertEquals(0.0, single(EMPTY, EMPTY, false));
    }

    @Test
    void matrixIsDetectionByGroundTruth() {
        double[][] iou = MaskIou.iou(List.of(LEFT, RIGHT), List.of(MIDDLE, LEFT, RIGHT), new boolean[3]);

        assertEquals(2, iou.length);
        assertEquals(3, iou[0].length);
        assertEquals(4.0 / 12.0, iou[0][0]);
        assertEquals(1.0, iou[0][1]);
        assertEquals(0.0, iou[0][2]);
        assertEquals(4.0 / 12.0, iou[1][0]);
        assertEquals(0.0, iou[1][1]);
        assertEquals(1.0, iou[1][2]);
    }

    @Test
    void noGroundTruthGivesEmptyRows() {
        double[][] iou = MaskIou.iou(List.of(LEFT, RIGHT), List.of(), new boolean[0]);

        assertEquals(2, iou.length);
        assertEquals(0, iou[0].length);
    }

    @Test
    void differentSizesAreRejected() {
        Rle wide = new Rle(2, 8, new int[] {16});

        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> single(LEFT, wide, false));

        assertTrue(error.getMessage().contains("4x4"), error.getMessage());
        assertTrue(error.getMessage().contains("2x8"), error.getMessage());
    }

    @Test
    void crowdFlagsMustMatchGroundTruth() {
        assertThrows(IllegalArgumentException.class, () -> MaskIou.iou(List.of(LEFT), List.of(LEFT), new boolean[2]));
    }

    @Test
    void boxesHalfOverlapping() {
        double[][] iou = MaskIou.boxIou(new double[][] {{0, 0, 10, 10}}, new double[][] {{5, 0, 10, 10}}, new boolean[1]);

        assertEquals(50.0 / 150.0, iou[0][0]);
    }

    @Test
    void boxesTouching() {
        double[][] iou = MaskIou.boxIou(new double[][] {{0, 0, 10, 10}}, new double[][] {{10, 0, 10, 10}}, new boolean[1]);

        assertEquals(0.0, iou[0][0]);
    }

    @Test
    void boxInsideCrowd() {
        double[][] iou = MaskIou.boxIou(new double[][] {{2, 2, 4, 4}}, new double[][] {{0, 0, 10, 10}}, new boolean[] {true});

        assertEquals(1.0, iou[0][0]);
    }

    @Test
    void boxWithThreeValuesIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> MaskIou.boxIou(new double[][] {{0, 0, 10}}, new double[][] {{0, 0, 1, 1}}, new boolean[1]));
    }
}
