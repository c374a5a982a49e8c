package org.backdrop.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.scene.paint.Color;
import org.backdrop.mask.edit.EditableMask;
import org.backdrop.mask.edit.Seeds;
import org.backdrop.ui.editor.MaskEditorViewModel.ViewMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

@ExtendWith(ApplicationExtension.class)
class MaskOverlayTest {

    /** Opaque red, premultiplied: alpha 255, red 255. */
    private static final int RED = 0xFFFF0000;

    @Test
    void premultipliedColour() {
        // Alpha 0.5 * 255 = 127.5 rounds to 128, and so does red 1.0 * 0.5 * 255.
        assertEquals(0x80800000, MaskOverlay.premultiplied(Color.RED, 0.5));
        assertEquals(0, MaskOverlay.premultiplied(Color.RED, 0));
    }

    @Test
    void strokeAcrossTileEdge(FxRobot robot) {
        EditableMask mask = EditableMask.empty(300, 20);
        Seeds seeds = new Seeds(300, 20);
        MaskOverlay[] overlay = new MaskOverlay[1];
        robot.interact(() -> {
            overlay[0] = new MaskOverlay(mask, seeds);
            overlay[0].setStyle(Color.RED, 1, ViewMode.COMPOSITE);
            mask.addListener(overlay[0]::redraw);
            mask.paintLine(250, 5, 260, 5, 1, true);
        });

        // Tiles are 256 pixels wide, so the line covers columns 250 to 255 of the first tile and 0 to 4 of the second.
        assertEquals(0, overlay[0].pixel(249, 5));
        assertEquals(RED, overlay[0].pixel(255, 5));
        assertEquals(RED, overlay[0].pixel(256, 5));
        assertEquals(RED, overlay[0].pixel(260, 5));
        assertEquals(0, overlay[0].pixel(261, 5));
        assertEquals(0, overlay[0].pixel(256, 6));
    }

    @Test
    void maskViewAndSeeds(FxRobot robot) {
        EditableMask mask = EditableMask.empty(10, 10);
        Seeds seeds = new Seeds(10, 10);
        MaskOverlay[] overlay = new MaskOverlay[1];
        robot.interact(() -> {
            mask.paintLine(1, 1, 1, 1, 1, true);
            seeds.paintLine(8, 8, 8, 8, 1, false);
            overlay[0] = new MaskOverlay(mask, seeds);
            overlay[0].setStyle(Color.RED, 0.5, ViewMode.MASK);
        });

        assertEquals(0xFFFFFFFF, overlay[0].pixel(1, 1));
        assertEquals(0xFF000000, overlay[0].pixel(2, 1));
        // Background seeds are #0a84ff at opacity 0.85: alpha 0.85 * 255 = 216.75 rounds to 217, green
        // 132 * 0.85 = 112.2 to 112 and blue 216.75 to 217.
        int seed = overlay[0].pixel(8, 8);
        assertEquals(217, seed >>> 24);
        assertEquals(112, (seed >> 8) & 0xFF);
        assertEquals(217, seed & 0xFF);
    }
}
