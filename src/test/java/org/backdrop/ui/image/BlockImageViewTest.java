package org.backdrop.ui.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import javafx.geometry.Rectangle2D;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import org.backdrop.image.RgbImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

@ExtendWith(ApplicationExtension.class)
class BlockImageViewTest {

    @Test
    void enlargesEachPixelToABlock(FxRobot robot) {
        BlockImageView view = new BlockImageView(7);
        // Two pixels side by side; 7 / 2 = 3, so each becomes a 3 x 3 block and the image 6 x 3.
        robot.interact(() -> view.show(new RgbImage(2, 1, new byte[] {10, 20, 30, 40, 50, 60})));

        assertEquals(new Rectangle2D(0, 0, 6, 3), view.view().getViewport());
        PixelReader pixels = view.view().getImage().getPixelReader();
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 6; x++) {
                int expected = x < 3 ? 0xFF0A141E : 0xFF28323C;
                assertEquals(expected, pixels.getArgb(x, y), "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void reusesItsBufferForTheNextImage(FxRobot robot) {
        BlockImageView view = new BlockImageView(7);
        Image[] images = new Image[2];
        robot.interact(() -> {
            view.show(new RgbImage(2, 1, new byte[] {10, 20, 30, 40, 50, 60}));
            images[0] = view.view().getImage();
            // One red pixel fills the whole 7 x 7 view.
            view.show(new RgbImage(1, 1, new byte[] {(byte) 255, 0, 0}));
            images[1] = view.view().getImage();
        });

        assertSame(images[0], images[1]);
        assertEquals(new Rectangle2D(0, 0, 7, 7), view.view().getViewport());
        assertEquals(0xFFFF0000, images[1].getPixelReader().getArgb(0, 0));
        assertEquals(0xFFFF0000, images[1].getPixelReader().getArgb(6, 6));
    }

    @Test
    void showsLargerImagesAtTheirOwnSize(FxRobot robot) {
        BlockImageView view = new BlockImageView(7);
        byte[] rgb = new byte[5 * 3 * 3];
        rgb[(2 * 5 + 4) * 3 + 1] = (byte) 200;
        robot.interact(() -> view.show(new RgbImage(5, 3, rgb)));

        assertEquals(new Rectangle2D(0, 0, 5, 3), view.view().getViewport());
        assertEquals(0xFF00C800, view.view().getImage().getPixelReader().getArgb(4, 2));
        assertEquals(0xFF000000, view.view().getImage().getPixelReader().getArgb(3, 2));
    }

    @Test
    void enlargesArgbPixelsFromAnOffset(FxRobot robot) {
        BlockImageView view = new BlockImageView(7);
        // The same two pixels as above, ARGB, after one pixel that is not part of the image.
        int[] argb = {0xFFFFFFFF, 0xFF0A141E, 0xFF28323C, 0xFFFFFFFF};
        robot.interact(() -> view.show(argb, 1, 2, 1));

        assertEquals(new Rectangle2D(0, 0, 6, 3), view.view().getViewport());
        PixelReader pixels = view.view().getImage().getPixelReader();
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 6; x++) {
                int expected = x < 3 ? 0xFF0A141E : 0xFF28323C;
                assertEquals(expected, pixels.getArgb(x, y), "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void clearShowsNothing(FxRobot robot) {
        BlockImageView view = new BlockImageView(7);
        robot.interact(() -> {
            view.show(new RgbImage(1, 1, new byte[3]));
            view.clear();
        });

        assertNull(view.view().getImage());
    }

    @Test
    void rejectsImagesLargerThanTheView() {
        BlockImageView view = new BlockImageView(7);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> view.show(new RgbImage(8, 2, new byte[8 * 2 * 3])));
        assertEquals("a 8 x 2 image does not fit a thumbnail view of 7 x 7 pixels; shrink it first", error.getMessage());
    }
}
