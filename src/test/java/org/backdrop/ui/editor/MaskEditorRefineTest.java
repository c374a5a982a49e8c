package org.backdrop.ui.editor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.backdrop.dataset.Sample;
import org.backdrop.image.RgbImage;
import org.backdrop.mask.Rle;
import org.backdrop.mask.edit.EditableMask;
import org.backdrop.ui.StudioSession;
import org.backdrop.ui.StudioTestData;
import org.backdrop.ui.editor.MaskEditorViewModel.Tool;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** Runs the editor's GrabCut task on a 40x40 blue image with a red square at columns and rows 10 to 29. */
@ExtendWith(ApplicationExtension.class)
class MaskEditorRefineTest {

    private static final int SIDE = 40;

    @TempDir
    Path temp;

    private MaskEditorViewModel model;

    @BeforeEach
    void load() throws Exception {
        StudioSession session = StudioTestData.session(StudioTestData.write(temp));
        Sample sample = session.dataset().samples().get(0);
        model = new MaskEditorViewModel(session);
        byte[] pixels = new byte[SIDE * SIDE * 3];
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                boolean inside = x >= 10 && x < 30 && y >= 10 && y < 30;
                pixels[(y * SIDE + x) * 3] = (byte) (inside ? 220 : 20);
                pixels[(y * SIDE + x) * 3 + 2] = (byte) (inside ? 20 : 220);
            }
        }
        model.load(sample, new RgbImage(SIDE, SIDE, pixels), EditableMask.fromRle(Rle.fromRowMajor(square(10, 20), SIDE, SIDE)));
    }

    /** Returns a mask of columns {@code x0} to {@code x1 - 1} and rows 10 to 29. */
    private static byte[] square(int x0, int x1) {
        byte[] mask = new byte[SIDE * SIDE];
        for (int y = 10; y < 30; y++) {
            for (int x = x0; x < x1; x++) {
                mask[y * SIDE + x] = 1;
            }
        }
        return mask;
    }

    @Test
    void strokeAndRefineCompleteSquare(FxRobot robot) {
        robot.interact(() -> {
            model.toolProperty().set(Tool.GRABCUT);
            model.brushSizeProperty().set(3);
            model.press(25, 15, true);
            model.drag(25, 25);
            model.release();
            model.refineTask().run();
        });
        WaitForAsyncUtils.waitForFxEvents();

        // The colours separate the square from the background exactly, so GrabCut finds the whole square.
        assertArrayEquals(square(10, 30), model.mask().toRowMajor());
        assertTrue(model.seeds().isEmpty());
        assertFalse(model.busyProperty().get());
        assertEquals(1, model.mask().undoDepth());
    }

    @Test
    void failedRefineShowsReason(FxRobot robot) {
        robot.interact(() -> {
            model.toolProperty().set(Tool.FILL);
            model.press(0, 0, true);
            model.refineTask().run();
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(model.statusProperty().get().startsWith("GrabCut failed: GrabCut refinement needs background"), model.statusProperty().get());
        assertFalse(model.busyProperty().get());
    }
}
