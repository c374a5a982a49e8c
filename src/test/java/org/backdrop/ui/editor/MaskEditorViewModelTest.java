package org.backdrop.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.backdrop.curate.ReviewStatus;
import org.backdrop.dataset.Sample;
import org.backdrop.image.RgbImage;
import org.backdrop.mask.Rle;
import org.backdrop.mask.edit.EditableMask;
import org.backdrop.mask.edit.PixelRect;
import org.backdrop.mask.edit.Seeds;
import org.backdrop.segment.GrabCutRefinement;
import org.backdrop.ui.StudioSession;
import org.backdrop.ui.StudioTestData;
import org.backdrop.ui.editor.MaskEditorViewModel.Tool;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each sample is 16x16 with the mask of a 4x4 square at columns and rows 4 to 7. */
class MaskEditorViewModelTest {

    @TempDir
    Path temp;

    private StudioSession session;
    private Sample sample;
    private MaskEditorViewModel model;

    @BeforeEach
    void openSample() throws Exception {
        session = StudioTestData.session(StudioTestData.write(temp));
        StudioTestData.giveMasks(session);
        sample = session.dataset().samples().get(0);
        model = new MaskEditorViewModel(session);
        model.load(sample, blankImage(StudioTestData.SIDE, StudioTestData.SIDE));
    }

    private static RgbImage blankImage(int width, int height) {
        return new RgbImage(width, height, new byte[width * height * 3]);
    }

    @Test
    void loadStartsFromSessionMask() {
        assertEquals(StudioTestData.squareMask(), model.mask().toRle());
        assertFalse(model.dirtyProperty().get());
        assertFalse(model.canUndoProperty().get());
        assertTrue(model.statusProperty().get().startsWith("16 foreground pixels"), model.statusProperty().get());
    }

    @Test
    void brushStrokeIsOneUndoStep() {
        model.brushSizeProperty().set(1);

        model.press(0.5, 0.5, true);
        model.drag(3.9, 0.2);
        model.drag(3.2, 2.7);
        model.release();

        // Pixels (0, 0) to (3, 0), then the line from (3, 0) to (3, 2).
        assertEquals(16 + 6, model.mask().area());
        assertTrue(model.mask().get(3, 2));
        assertTrue(model.dirtyProperty().get());
        model.undo();
        assertEquals(StudioTestData.squareMask(), model.mask().toRle());
        model.redo();
        assertEquals(22, model.mask().area());
    }

    @Test
    void secondaryButtonErases() {
        model.brushSizeProperty().set(3);

        model.press(5.5, 5.5, false);
        model.release();

        // A 3x3 eraser at (5, 5) clears columns and rows 4 to 6 of the square, 9 of its 16 pixels.
        assertEquals(7, model.mask().area());
        assertTrue(model.mask().get(7, 7));
        assertFalse(model.mask().get(4, 4));
    }

    @Test
    void eraserToolErases() {
        model.toolProperty().set(Tool.ERASER);
        model.brushSizeProperty().set(1);

        model.press(4.2, 4.7, true);
        model.release();

        assertEquals(15, model.mask().area());
        assertFalse(model.mask().get(4, 4));
    }

    @Test
    void fillRemovesComponent() {
        model.toolProperty().set(Tool.FILL);

        model.press(6, 6, false);

        assertEquals(0, model.mask().area());
    }

    @Test
    void polygonAddsOnClose() {
        model.toolProperty().set(Tool.POLYGON_ADD);
        model.press(0, 0, true);
        model.press(2, 0, true);
        model.press(2, 2, true);
        model.press(9, 9, true);

        model.undo();
        assertEquals(List.of(0.0, 0.0, 2.0, 0.0, 2.0, 2.0), model.polygon());
        model.press(0, 2, true);
        model.closePolygon();

        // The square (0, 0) to (2, 2) covers pixels (0, 0), (1, 0), (0, 1) and (1, 1).
        assertEquals(20, model.mask().area());
        assertTrue(model.mask().get(1, 1));
        assertTrue(model.polygon().isEmpty());
    }

    @Test
    void polygonSubtractsOnSecondaryClick() {
        model.toolProperty().set(Tool.POLYGON_SUBTRACT);
        model.press(4, 4, true);
        model.press(8, 4, true);
        model.press(8, 6, true);
        model.press(4, 6, true);

        model.press(0, 0, false);

        // Rows 4 and 5 of the square go.
        assertEquals(8, model.mask().area());
        assertTrue(model.mask().get(4, 6));
    }

    @Test
    void brushSizeSteps() {
        model.brushSizeProperty().set(9);

        model.growBrush();
        assertEquals(10, model.brushSizeProperty().get());
        model.growBrush();
        assertEquals(12, model.brushSizeProperty().get());
        model.shrinkBrush();
        assertEquals(10, model.brushSizeProperty().get());
        model.shrinkBrush();
        assertEquals(9, model.brushSizeProperty().get());

        model.brushSizeProperty().set(1);
        model.shrinkBrush();
        assertEquals(1, model.brushSizeProperty().get());
    }

    @Test
    void grabCutToolPaintsSeedsOnly() {
        model.toolProperty().set(Tool.GRABCUT);
        model.brushSizeProperty().set(1);

        model.press(1, 1, true);
        model.release();
        model.press(12, 12, false);
        model.release();

        assertEquals(Seeds.FOREGROUND, model.seeds().get(1, 1));
        assertEquals(Seeds.BACKGROUND, model.seeds().get(12, 12));
        assertEquals(16, model.mask().area());
        assertFalse(model.canUndoProperty().get());
    }

    @Test
    void refinementIsOneEditAndClearsSeeds() {
        model.toolProperty().set(Tool.GRABCUT);
        model.press(1, 1, true);
        model.release();

        model.applyRefinement(new GrabCutRefinement.Result(new PixelRect(0, 0, 2, 1), new byte[] {1, 1}));

        assertEquals(18, model.mask().area());
        assertTrue(model.seeds().isEmpty());
        assertEquals("GrabCut refine", model.mask().undoName().orElseThrow());
    }

    @Test
    void saveStoresEditedMaskAndKeepsOriginal() throws Exception {
        model.brushSizeProperty().set(1);
        model.press(0, 0, true);
        model.release();

        model.save();

        Rle saved = session.mask(sample).orElseThrow();
        assertEquals(17, saved.area());
        assertEquals(StudioTestData.squareMask(), session.originalMask(sample).orElseThrow());
        assertTrue(session.hasEditedMask(sample));
        assertEquals(ReviewStatus.EDITED, session.review().status(sample.id()));
        assertFalse(model.dirtyProperty().get());
        assertTrue(model.editedProperty().get());
    }

    @Test
    void secondSaveKeepsFirstOriginal() throws Exception {
        model.brushSizeProperty().set(1);
        model.press(0, 0, true);
        model.release();
        model.save();
        model.press(15, 15, true);
        model.release();

        model.save();

        assertEquals(18, session.mask(sample).orElseThrow().area());
        assertEquals(StudioTestData.squareMask(), session.originalMask(sample).orElseThrow());
    }

    @Test
    void revertRestoresOriginal() throws Exception {
        model.brushSizeProperty().set(1);
        model.press(0, 0, true);
        model.release();
        model.save();

        model.revertToOriginal();

        assertEquals(StudioTestData.squareMask(), session.mask(sample).orElseThrow());
        assertEquals(StudioTestData.squareMask(), model.mask().toRle());
        assertFalse(session.hasEditedMask(sample));
        assertFalse(model.editedProperty().get());
        model.undo();
        assertEquals(17, model.mask().area());
    }

    @Test
    void revertDropsUnsavedChanges() {
        model.press(0, 0, true);
        model.release();

        model.revertToOriginal();

        assertEquals(StudioTestData.squareMask(), model.mask().toRle());
        assertFalse(model.dirtyProperty().get());
        assertFalse(session.hasEditedMask(sample));
    }

    @Test
    void undoDuringStrokeEndsStroke() {
        model.brushSizeProperty().set(1);
        model.press(0, 0, true);
        model.drag(2, 0);

        model.undo();
        model.drag(3, 0);

        assertEquals(StudioTestData.squareMask(), model.mask().toRle());
        assertFalse(model.canUndoProperty().get());
    }

    @Test
    void revertWithoutOriginalRemovesMask() throws Exception {
        Sample bare = session.dataset().samples().get(1);
        StudioTestData.giveMasks(session, bare.id());
        model.load(bare, blankImage(StudioTestData.SIDE, StudioTestData.SIDE));
        model.press(3, 3, true);
        model.release();
        model.save();
        assertTrue(session.mask(bare).isPresent());

        model.revertToOriginal();

        assertTrue(session.mask(bare).isEmpty());
        assertEquals(0, model.mask().area());
    }

    @Test
    void thresholdSliderRederivesMask() {
        float[] probabilities = new float[16 * 16];
        probabilities[0] = 0.3f;
        probabilities[1] = 0.6f;
        probabilities[2] = 0.9f;
        model.load(sample, blankImage(16, 16), EditableMask.fromProbabilities(probabilities, 16, 16, 0.5));
        assertTrue(model.probabilityMaskProperty().get());
        assertEquals(2, model.mask().area());

        model.thresholdProperty().set(0.2);
        assertEquals(3, model.mask().area());
        model.thresholdProperty().set(0.7);
        assertEquals(1, model.mask().area());

        model.undo();
        assertEquals(2, model.mask().area());
    }

    @Test
    void maskOfOtherSizeStartsEmpty() {
        model.load(sample, blankImage(20, 10));

        assertEquals(0, model.mask().area());
        assertEquals("The stored mask is 16x16 but the image is 20x10, so editing starts from an empty mask", model.statusProperty().get());
    }

    @Test
    void recomputedMasksDropEditedState() throws Exception {
        model.press(0, 0, true);
        model.release();
        model.save();

        StudioTestData.giveMasks(session);

        assertFalse(session.hasEditedMask(sample));
        assertEquals(StudioTestData.squareMask(), session.originalMask(sample).orElseThrow());
    }
}
