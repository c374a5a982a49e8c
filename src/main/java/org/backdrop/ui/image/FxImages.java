package org.backdrop.ui.image;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.backdrop.image.RgbImage;

/** Converts the core's RGB images to JavaFX images. */
public final class FxImages {

    private FxImages() {}

    /** Returns a new JavaFX image with the pixels of {@code image}; safe to call off the JavaFX thread. */
    public static WritableImage toFx(RgbImage image) {
        WritableImage fx = new WritableImage(image.width(), image.height());
        fx.getPixelWriter().setPixels(0, 0, image.width(), image.height(), PixelFormat.getByteRgbInstance(),
                image.pixels(), 0, image.width() * 3);
        return fx;
    }
}
