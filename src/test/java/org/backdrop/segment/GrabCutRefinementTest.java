package org.backdrop.segment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backdrop.image.RgbImage;
import org.backdrop.mask.edit.EditableMask;
import org.backdrop.mask.edit.PixelRect;
import org.backdrop.mask.edit.Seeds;
import org.junit.jupiter.api.Test;

class GrabCutRefinementTest {

    /** A blue image with a red square at columns and rows {@code from} to {@code to - 1}. */
    private static RgbImage square(int side, int from, int to) {
        byte[] pixels = new byte[side * side * 3];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                boolean inside = x >= from && x < to && y >= from && y < to;
                pixels[(y * side + x) * 3] = (byte) (inside ? 220 : 20);
                pixels[(y * side + x) * 3 + 2] = (byte) (inside ? 20 : 220);
            }
        }
        return new RgbImage(side, side, pixels);
    }

    private static byte[] squareMask(int side, int x0, int x1, int y0, int y1) {
        byte[] mask = new byte[side * side];
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                mask[y * side + x] = 1;
            }
        }
        return mask;
    }

    @Test
    void foregroundStrokeCompletesHalfMask() {
        RgbImage image = square(40, 10, 30);
        byte[] mask = squareMask(40, 10, 20, 10, 30);
        Seeds seeds = new Seeds(40, 40);
        seeds.paintLine(25, 15, 25, 25, 3, true);

        GrabCutRefinement.Result result = GrabCutRefinement.refine(image, mask, seeds, 5, 1);
        EditableMask edited = EditableMask.fromRle(org.backdrop.mask.Rle.fromRowMajor(mask, 40, 40));
        edited.replace(result.region(), result.values(), "GrabCut");

        // The colours separate the square from the background exactly, so GrabCut finds the whole square.
        assertArrayEquals(squareMask(40, 10, 30, 10, 30), edited.toRowMajor());
    }

    @Test
    void cropLeavesFarPixelsAlone() {
        RgbImage image = square(200, 10, 30);
        byte[] mask = squareMask(200, 10, 30, 10, 30);

        GrabCutRefinement.Result result = GrabCutRefinement.refine(image, mask, new Seeds(200, 200), 2, 1);

        // The box around the mask is 20 pixels wide, so the margin is the minimum of 16 pixels.
        assertEquals(PixelRect.ofBounds(0, 0, 46, 46), result.region());
        assertEquals(46 * 46, result.values().length);
    }

    @Test
    void maskCoveringImageIsRejected() {
        RgbImage image = square(20, 5, 15);
        byte[] mask = squareMask(20, 0, 20, 0, 20);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> GrabCutRefinement.refine(image, mask, new Seeds(20, 20), 2, 1));

        assertTrue(error.getMessage().contains("background strokes"), error.getMessage());
    }

    @Test
    void emptyMaskWithoutStrokesIsRejected() {
        RgbImage image = square(20, 5, 15);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> GrabCutRefinement.refine(image, new byte[400], new Seeds(20, 20), 2, 1));

        assertTrue(error.getMessage().contains("paint over the object"), error.getMessage());
    }

    @Test
    void sizeMismatchIsRejected() {
        RgbImage image = square(20, 5, 15);

        assertThrows(IllegalArgumentException.class, () -> GrabCutRefinement.refine(image, new byte[10], new Seeds(20, 20), 2, 1));
    }
}
