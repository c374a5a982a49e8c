package org.backdrop.ui.editor;

/**
 * Zoom and pan of the mask editor: a screen point {@code (sx, sy)} shows image point
 * {@code ((sx - offsetX) / zoom, (sy - offsetY) / zoom)}. Image coordinates are pixels with (0, 0) at the
 * top-left corner of the top-left pixel.
 */
final class Viewport {

    static final double MIN_ZOOM = 1.0 / 64;
    static final double MAX_ZOOM = 64;

    private double zoom = 1;
    private double offsetX;
    private double offsetY;

    double zoom() {
        return zoom;
    }

    double offsetX() {
        return offsetX;
    }

    double offsetY() {
        return offsetY;
    }

    double toImageX(double screenX) {
        return (screenX - offsetX) / zoom;
    }

    double toImageY(double screenY) {
        return (screenY - offsetY) / zoom;
    }

    /** Scales the image to fit a view of {@code viewWidth} x {@code viewHeight} and centres it. */
    void fit(double viewWidth, double viewHeight, int imageWidth, int imageHeight) {
        if (viewWidth <= 0 || viewHeight <= 0) {
            return;
        }
        zoom = clamp(Math.min(viewWidth / imageWidth, viewHeight / imageHeight));
        centre(viewWidth, viewHeight, imageWidth, imageHeight);
    }

    /** Shows the image at one screen pixel per image pixel, centred. */
    void actualSize(double viewWidth, double viewHeight, int imageWidth, int imageHeight) {
        zoom = 1;
        centre(viewWidth, viewHeight, imageWidth, imageHeight);
    }

    private void centre(double viewWidth, double viewHeight, int imageWidth, int imageHeight) {
        offsetX = (viewWidth - imageWidth * zoom) / 2;
        offsetY = (viewHeight - imageHeight * zoom) / 2;
    }

    /** Multiplies the zoom by {@code factor}, keeping the image point under screen point ({@code sx}, {@code sy}) in place. */
    void zoomAt(double factor, double sx, double sy) {
        double imageX = toImageX(sx);
        double imageY = toImageY(sy);
        zoom = clamp(zoom * factor);
        offsetX = sx - imageX * zoom;
        offsetY = sy - imageY * zoom;
    }

    /** Moves the image by ({@code dx}, {@code dy}) screen pixels. */
    void pan(double dx, double dy) {
        offsetX += dx;
        offsetY += dy;
    }

    private static double clamp(double value) {
        return Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, value));
    }
}
