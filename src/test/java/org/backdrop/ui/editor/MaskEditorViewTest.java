package org.backdrop.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Point2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.backdrop.curate.ReviewStatus;
import org.backdrop.dataset.Sample;
import org.backdrop.mask.Rle;
import org.backdrop.segment.AnnotationMaskSource;
import org.backdrop.segment.MaskResult;
import org.backdrop.testing.SharedData;
import org.backdrop.ui.StudioSession;
import org.backdrop.ui.StudioTestData;
import org.backdrop.ui.review.ReviewView;
import org.backdrop.ui.review.ReviewViewModel;
import org.backdrop.ui.task.TaskRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Edits the annotation mask of a Pascal VOC fixture image, from review mode, with the mouse and keys. */
@ExtendWith(ApplicationExtension.class)
class MaskEditorViewTest {

    private static final String SAMPLE_ID = "2007_000063";

    @TempDir
    static Path reviews;

    private final AtomicReference<MaskEditorWindow> editor = new AtomicReference<>();
    private StudioSession session;
    private Sample sample;
    private Rle original;
    private ReviewView review;

    @Start
    void start(Stage stage) throws Exception {
        Path voc = SharedData.fixture("voc/icevision_voc2012");
        session = StudioTestData.session(voc, new TaskRunner(), reviews.resolve("review.tsv"));
        sample = session.dataset().samples().stream().filter(s -> s.id().equals(SAMPLE_ID)).findFirst().orElseThrow();
        MaskResult result = new AnnotationMaskSource().compute(session.dataset(), sample, session.images());
        original = ((MaskResult.Found) result).mask();
        session.masksProperty().set(Map.of(sample.id(), original));

        ReviewViewModel model = new ReviewViewModel(session);
        model.setSamples(session.dataset().samples(), session.dataset().samples().indexOf(sample));
        review = new ReviewView(session, model);
        review.setOnEdit(edited -> editor.set(MaskEditorWindow.open(session, review.root(), edited)));
        stage.setScene(new Scene((Parent) review.root(), 800, 500));
        stage.show();
        review.focus();
    }

    @Test
    void paintUndoPaintAndSave(FxRobot robot) throws Exception {
        robot.type(KeyCode.E);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> editor.get() != null && editor.get().view().model().loadedProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        MaskEditorViewModel model = editor.get().view().model();
        assertEquals(original, model.mask().toRle());

        int[] band = backgroundBand(original, 100, 10);
        int left = band[0];
        int row = band[1];
        robot.interact(() -> model.brushSizeProperty().set(9));
        stroke(robot, left, row);
        for (int x = left; x <= left + 100; x += 10) {
            assertTrue(model.mask().get(x, row), "pixel " + x + ", " + row + " was not painted");
        }
        assertNotEquals(original, model.mask().toRle());
        MaskOverlay overlay = editor.get().view().canvas().overlay();
        // The default overlay is #ff3b30 at opacity 0.5: alpha 128, and red 255 * 0.5, green 59 * 0.5, blue 48 * 0.5 rounded.
        assertEquals(0x80801e18, overlay.pixel(left + 50, row));

        robot.push(KeyCode.CONTROL, KeyCode.Z);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(original, model.mask().toRle());
        assertEquals(0, overlay.pixel(left + 50, row));

        stroke(robot, left, row);
        Rle painted = model.mask().toRle();
        robot.push(KeyCode.CONTROL, KeyCode.S);
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(session.hasEditedMask(sample));
        assertEquals(painted, session.mask(sample).orElseThrow());
        assertEquals(original, session.originalMask(sample).orElseThrow());
        assertEquals(ReviewStatus.EDITED, session.review().status(sample.id()));
        robot.interact(() -> editor.get().close());
    }

    /** Drags the brush along {@code row} from column {@code left} to column {@code left + 100}. */
    private void stroke(FxRobot robot, int left, int row) {
        robot.moveTo(screenPoint(left, row));
        robot.press(MouseButton.PRIMARY);
        robot.moveTo(screenPoint(left + 50, row));
        robot.moveTo(screenPoint(left + 100, row));
        robot.release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Point2D screenPoint(int x, int y) {
        EditorCanvas canvas = editor.get().view().canvas();
        Viewport viewport = canvas.viewport();
        return canvas.root().localToScreen(viewport.offsetX() + viewport.zoom() * (x + 0.5), viewport.offsetY() + viewport.zoom() * (y + 0.5));
    }

    /**
     * Returns the left column and the row of a background band {@code length + 1} pixels long with
     * {@code margin} background pixels on every side, so a stroke along it changes the mask.
     */
    private static int[] backgroundBand(Rle mask, int length, int margin) {
        byte[] pixels = mask.toRowMajor();
        for (int row = margin; row < mask.height() - margin; row += 5) {
            for (int left = margin; left + length + margin < mask.width(); left += 10) {
                if (isBackground(pixels, mask.width(), left - margin, left + length + margin, row - margin, row + margin)) {
                    return new int[] {left, row};
                }
            }
        }
        throw new AssertionError("the fixture mask has no background band for the test stroke");
    }

    private static boolean isBackground(byte[] pixels, int width, int x0, int x1, int y0, int y1) {
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                if (pixels[y * width + x] != 0) {
                    return false;
                }
            }
        }
        return true;
    }
}
