package org.backdrop.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ViewportTest {

    @Test
    void fitCentresImage() {
        Viewport viewport = new Viewport();

        viewport.fit(800, 600, 2000, 1000);

        // The width limits: 800 / 2000 = 0.4, so the image is 400 high and sits 100 below the top.
        assertEquals(0.4, viewport.zoom(), 1e-12);
        assertEquals(0, viewport.offsetX(), 1e-9);
        assertEquals(100, viewport.offsetY(), 1e-9);
        assertEquals(2000, viewport.toImageX(800), 1e-9);
        assertEquals(500, viewport.toImageY(300), 1e-9);
    }

    @Test
    void actualSizeCentres() {
        Viewport viewport = new Viewport();

        viewport.actualSize(800, 600, 200, 100);

        assertEquals(1, viewport.zoom(), 1e-12);
        assertEquals(300, viewport.offsetX(), 1e-9);
        assertEquals(250, viewport.offsetY(), 1e-9);
    }

    @Test
    void zoomKeepsPointUnderCursor() {
        Viewport viewport = new Viewport();
        viewport.actualSize(800, 600, 200, 100);
        double imageX = viewport.toImageX(350);
        double imageY = viewport.toImageY(270);

        viewport.zoomAt(2, 350, 270);

        assertEquals(2, viewport.zoom(), 1e-12);
        assertEquals(imageX, viewport.toImageX(350), 1e-9);
        assertEquals(imageY, viewport.toImageY(270), 1e-9);
    }

    @Test
    void panMovesOffset() {
        Viewport viewport = new Viewport();

        viewport.pan(10, -5);

        assertEquals(10, viewport.offsetX(), 1e-12);
        assertEquals(-5, viewport.offsetY(), 1e-12);
    }

    @Test
    void zoomIsClamped() {
        Viewport viewport = new Viewport();

        viewport.zoomAt(1000, 0, 0);

        assertEquals(Viewport.MAX_ZOOM, viewport.zoom(), 1e-12);
    }
}
