package org.backdrop.mask.edit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.backdrop.mask.Rle;
import org.junit.jupiter.api.Test;

/** Expected pixels are drawn by hand as rows of '#' (foreground) and '.' (background). */
class EditableMaskTest {

    private static byte[] rows(String... rows) {
        int width = rows[0].length();
        byte[] pixels = new byte[width * rows.length];
        for (int y = 0; y < rows.length; y++) {
            for (int x = 0; x < width; x++) {
                pixels[y * width + x] = (byte) (rows[y].charAt(x) == '#' ? 1 : 0);
            }
        }
        return pixels;
    }

    private static EditableMask mask(String... rows) {
        return EditableMask.fromRle(Rle.fromRowMajor(rows(rows), rows[0].length(), rows.length));
    }

    private static void assertPixels(EditableMask mask, String... expected) {
        assertEquals(String.join("\n", expected), render(mask));
    }

    private static String render(EditableMask mask) {
        List<String> lines = new ArrayList<>();
        for (int y = 0; y < mask.height(); y++) {
            StringBuilder line = new StringBuilder();
            for (int x = 0; x < mask.width(); x++) {
                line.append(mask.get(x, y) ? '#' : '.');
            }
            lines.add(line.toString());
        }
        return String.join("\n", lines);
    }

    @Test
    void brushSizeOnePaintsOnePixel() {
        EditableMask mask = EditableMask.empty(5, 4);

        PixelRect changed = mask.paintLine(3, 2, 3, 2, 1, true);

        assertPixels(mask, ".....", ".....", "...#.", ".....");
        assertEquals(new PixelRect(3, 2, 1, 1), changed);
    }

    @Test
    void brushSizeThreePaintsSquare() {
        EditableMask mask = EditableMask.empty(5, 5);

        mask.paintLine(2, 2, 2, 2, 3, true);

        // Corner centres lie sqrt(2) = 1.41 from the centre, within the radius 1.5.
        assertPixels(mask, ".....", ".###.", ".###.", ".###.", ".....");
    }

    @Test
    void brushSizeFiveCutsCorners() {
        EditableMask mask = EditableMask.empty(5, 5);

        mask.paintLine(2, 2, 2, 2, 5, true);

        // Corner centres lie sqrt(8) = 2.83 from the centre, beyond the radius 2.5; (0, 1) lies sqrt(5) = 2.24 away.
        assertPixels(mask, ".###.", "#####", "#####", "#####", ".###.");
        assertEquals(21, mask.area());
    }

    @Test
    void diagonalLineOfSizeOne() {
        EditableMask mask = EditableMask.empty(4, 4);

        mask.paintLine(0, 0, 3, 3, 1, true);

        // Neighbours of the diagonal lie 1/sqrt(2) = 0.71 from it, beyond the radius 0.5.
        assertPixels(mask, "#...", ".#..", "..#.", "...#");
    }

    @Test
    void brushClipsAtBorder() {
        EditableMask mask = EditableMask.empty(4, 3);

        PixelRect changed = mask.paintLine(0, 0, 0, 0, 3, true);

        assertPixels(mask, "##..", "##..", "....");
        assertEquals(new PixelRect(0, 0, 2, 2), changed);
    }

    @Test
    void eraserClearsLine() {
        EditableMask mask = mask("#####", "#####", "#####");

        PixelRect changed = mask.paintLine(1, 1, 3, 1, 1, false);

        assertPixels(mask, "#####", "#...#", "#####");
        assertEquals(new PixelRect(1, 1, 3, 1), changed);
    }

    @Test
    void strokeIsOneUndoStep() {
        EditableMask mask = EditableMask.empty(6, 3);

        mask.beginStroke("Brush");
        mask.paintLine(0, 1, 2, 1, 1, true);
        mask.paintLine(2, 1, 5, 1, 1, true);
        assertTrue(mask.endStroke());

        assertPixels(mask, "......", "######", "......");
        assertEquals(1, mask.undoDepth());
        mask.undo();
        assertPixels(mask, "......", "......", "......");
    }

    @Test
    void strokeWithoutChangeAddsNoUndoStep() {
        EditableMask mask = mask("##", "##");

        mask.beginStroke("Brush");
        mask.paintLine(0, 0, 1, 1, 3, true);

        assertFalse(mask.endStroke());
        assertEquals(0, mask.undoDepth());
    }

    @Test
    void polygonAddsAndSubtracts() {
        EditableMask mask = EditableMask.empty(6, 5);

        // Integer corners (1, 1) to (5, 4) cover columns 1 to 4 and rows 1 to 3.
        PixelRect added = mask.fillPolygon(new double[] {1, 1, 5, 1, 5, 4, 1, 4}, true);
        assertPixels(mask, "......", ".####.", ".####.", ".####.", "......");
        assertEquals(new PixelRect(1, 1, 4, 3), added);

        PixelRect removed = mask.fillPolygon(new double[] {2, 2, 4, 2, 4, 3, 2, 3}, false);
        assertPixels(mask, "......", ".####.", ".#..#.", ".####.", "......");
        assertEquals(new PixelRect(2, 2, 2, 1), removed);
    }

    @Test
    void triangleCoversPixelCentresInside() {
        EditableMask mask = EditableMask.empty(4, 4);

        // The triangle (0, 0), (4, 0), (0, 4) contains the centres (x + 0.5, y + 0.5) with x + y + 1 < 4.
        mask.fillPolygon(new double[] {0, 0, 4, 0, 0, 4}, true);

        assertPixels(mask, "###.", "##..", "#...", "....");
    }

    @Test
    void fillClosesHole() {
        EditableMask mask = mask(
                ".....",
                ".###.",
                ".#.#.",
                ".###.",
                ".....");

        PixelRect changed = mask.floodFill(2, 2, true);

        assertPixels(mask, ".....", ".###.", ".###.", ".###.", ".....");
        assertEquals(new PixelRect(2, 2, 1, 1), changed);
    }

    @Test
    void fillFollowsFourNeighboursOnly() {
        EditableMask mask = mask(
                "##...",
                "##...",
                "..#..",
                "..###",
                ".....");

        mask.floodFill(0, 0, false);

        // (2, 2) touches the removed block only diagonally, so it stays.
        assertPixels(mask, ".....", ".....", "..#..", "..###", ".....");
    }

    @Test
    void fillBackgroundRegionAroundShape() {
        EditableMask mask = mask(
                "......",
                ".##...",
                ".#.#..",
                ".##...");

        mask.floodFill(5, 0, true);

        // The pocket at (2, 2) has foreground on all four sides, so the fill does not reach it.
        assertPixels(mask, "######", "######", "##.###", "######");
    }

    @Test
    void fillOnSameValueChangesNothing() {
        EditableMask mask = mask("#.", ".#");

        PixelRect changed = mask.floodFill(0, 0, true);

        assertTrue(changed.isEmpty());
        assertEquals(0, mask.undoDepth());
    }

    @Test
    void fillOutsideMaskIsRejected() {
        EditableMask mask = EditableMask.empty(3, 3);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> mask.floodFill(3, 0, true));

        assertTrue(error.getMessage().contains("(3, 0)"), error.getMessage());
    }

    @Test
    void thresholdUsesGreaterThan() {
        float[] probabilities = {0.2f, 0.5f, 0.7f, 0.9f};
        EditableMask mask = EditableMask.fromProbabilities(probabilities, 4, 1, 0.5);
        assertPixels(mask, "..##");

        mask.threshold(0.8);
        assertPixels(mask, "...#");

        mask.threshold(0.1);
        assertPixels(mask, "####");
    }

    @Test
    void thresholdSeriesUndoesInOneStep() {
        EditableMask mask = EditableMask.fromProbabilities(new float[] {0.2f, 0.5f, 0.7f, 0.9f}, 4, 1, 0.5);
        mask.paintLine(0, 0, 0, 0, 1, true);

        mask.threshold(0.6);
        mask.threshold(0.3);
        mask.threshold(0.8);

        assertPixels(mask, "...#");
        assertEquals(2, mask.undoDepth());
        mask.undo();
        assertPixels(mask, "#.##");
    }

    @Test
    void attachedProbabilitiesKeepPixels() {
        EditableMask mask = EditableMask.empty(4, 1);
        mask.paintLine(0, 0, 0, 0, 1, true);
        assertPixels(mask, "#...");

        mask.attachProbabilities(new float[] {0.2f, 0.5f, 0.7f, 0.9f});

        assertTrue(mask.hasProbabilities());
        assertPixels(mask, "#...");
        assertEquals(1, mask.undoDepth());
        mask.threshold(0.6);
        assertPixels(mask, "..##");
        mask.undo();
        assertPixels(mask, "#...");
        assertThrows(IllegalArgumentException.class, () -> mask.attachProbabilities(new float[3]));
    }

    @Test
    void thresholdWithoutProbabilitiesFails() {
        EditableMask mask = EditableMask.empty(2, 2);

        assertThrows(IllegalStateException.class, () -> mask.threshold(0.5));
    }

    @Test
    void undoRedoAcrossOperations() {
        EditableMask mask = EditableMask.empty(4, 3);
        mask.paintLine(0, 0, 3, 0, 1, true);
        mask.fillPolygon(new double[] {0, 1, 2, 1, 2, 3, 0, 3}, true);
        mask.floodFill(3, 2, true);
        assertPixels(mask, "####", "####", "####");

        assertEquals(new PixelRect(2, 1, 2, 2), mask.undo());
        assertPixels(mask, "####", "##..", "##..");
        mask.undo();
        assertPixels(mask, "####", "....", "....");
        mask.undo();
        assertPixels(mask, "....", "....", "....");
        assertTrue(mask.undo().isEmpty());

        mask.redo();
        mask.redo();
        assertPixels(mask, "####", "##..", "##..");

        mask.paintLine(3, 2, 3, 2, 1, true);
        assertFalse(mask.canRedo());
        assertPixels(mask, "####", "##..", "##.#");
    }

    @Test
    void listenersHearUndoRectangles() {
        EditableMask mask = EditableMask.empty(8, 8);
        List<PixelRect> heard = new ArrayList<>();
        mask.addListener(heard::add);

        mask.paintLine(2, 3, 4, 3, 1, true);
        mask.undo();
        mask.redo();

        PixelRect line = new PixelRect(2, 3, 3, 1);
        assertEquals(List.of(line, line, line), heard);
    }

    @Test
    void dirtyFollowsSavedState() {
        EditableMask mask = EditableMask.empty(3, 3);
        assertFalse(mask.isDirty());

        mask.paintLine(0, 0, 0, 0, 1, true);
        assertTrue(mask.isDirty());
        mask.markSaved();
        assertFalse(mask.isDirty());

        mask.undo();
        assertTrue(mask.isDirty());
        mask.redo();
        assertFalse(mask.isDirty());

        mask.undo();
        mask.paintLine(0, 0, 0, 0, 1, true);
        // Same pixels as saved, but reached by a different edit: the saved edit left the redo stack.
        assertTrue(mask.isDirty());
    }

    @Test
    void rleRoundTrip() {
        // Height 3, width 2: column 0 is background, foreground, foreground; column 1 is background.
        Rle rle = new Rle(3, 2, new int[] {1, 2, 3});
        EditableMask mask = EditableMask.fromRle(rle);
        assertPixels(mask, "..", "#.", "#.");
        assertEquals(rle, mask.toRle());

        mask.paintLine(1, 0, 1, 0, 1, true);

        // Column-major pixels 0, 1, 1 | 1, 0, 0: runs of 1 background, 3 foreground, 2 background.
        assertEquals(new Rle(3, 2, new int[] {1, 3, 2}), mask.toRle());
    }

    @Test
    void rleStartingWithForeground() {
        Rle rle = new Rle(2, 2, new int[] {0, 1, 3});
        EditableMask mask = EditableMask.fromRle(rle);

        assertPixels(mask, "#.", "..");
        assertEquals(rle, mask.toRle());
    }

    @Test
    void historyStaysSmallOnLargeMask() {
        EditableMask mask = EditableMask.empty(2000, 2000);
        for (int i = 0; i < 100; i++) {
            mask.paintLine(100, 10 + 19 * i, 1900, 10 + 19 * i, 20, i % 2 == 0);
        }
        mask.fillPolygon(new double[] {0, 0, 2000, 0, 2000, 2000}, true);

        assertEquals(101, mask.undoDepth());
        // Each stroke flips 2 runs per row of a rectangle about 20 rows high; the polygon is one run
        // per row of the full image. A copy of the mask per edit would be 404 MB.
        assertTrue(mask.historyBytes() < 200_000, "history holds " + mask.historyBytes() + " bytes");
    }

    @Test
    void replaceRegionIsOneEdit() {
        EditableMask mask = EditableMask.empty(4, 3);

        PixelRect changed = mask.replace(new PixelRect(1, 1, 2, 2), new byte[] {1, 0, 1, 1}, "GrabCut");

        assertPixels(mask, "....", ".#..", ".##.");
        assertEquals(new PixelRect(1, 1, 2, 2), changed);
        assertEquals("GrabCut", mask.undoName().orElseThrow());
        assertArrayEquals(new byte[] {1, 0, 1, 1}, mask.copyRegion(new PixelRect(1, 1, 2, 2)));
    }

    @Test
    void replaceOutsideMaskIsRejected() {
        EditableMask mask = EditableMask.empty(4, 3);

        assertThrows(IllegalArgumentException.class, () -> mask.replace(new PixelRect(3, 0, 2, 1), new byte[2], "x"));
    }
}
