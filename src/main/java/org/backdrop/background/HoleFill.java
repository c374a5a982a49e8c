package org.backdrop.background;

import java.util.Optional;
import org.backdrop.image.RgbImage;
import org.opencv.core.Mat;
import org.opencv.photo.Photo;

/** The method that fills the object's hole in a borrowed background. */
public enum HoleFill {

    /**
     * OpenCV {@code Photo.inpaint} with Telea's method and a radius of {@value #INPAINT_RADIUS_PIXELS}
     * pixels over the mask's foreground pixels.
     */
    // NOTE: the hole is exactly the mask, not dilated, so object pixels that a tight mask misses at
    // the edge are spread into the fill.
    INPAINT,

    /** ImageNet-9's Only-BG-T rule over the object box; see {@link BoxTiling}. */
    TILE;

    /** The neighbourhood radius of {@link #INPAINT}, in pixels. */
    public static final int INPAINT_RADIUS_PIXELS = 3;

    /**
     * Returns a new image with the object removed, the image itself when there is no object, or an
     * empty optional when nothing of the background is left to fill from (the mask covers every pixel
     * for {@link #INPAINT}, the box covers the whole image for {@link #TILE}).
     */
    public Optional<RgbImage> fill(RgbImage image, byte[] mask, Optional<PixelBox> box) {
        Masks.requireSize(mask, image.width(), image.height());
        return switch (this) {
            case INPAINT -> inpaint(image, mask);
            case TILE -> box.isEmpty() ? Optional.of(image) : BoxTiling.fill(image, box.get());
        };
    }

    private static Optional<RgbImage> inpaint(RgbImage image, byte[] mask) {
        int foreground = 0;
        for (byte value : mask) {
            if (value != 0) {
                foreground++;
            }
        }
        if (foreground == 0) {
            return Optional.of(image);
        }
        if (foreground == mask.length) {
            return Optional.empty();
        }
        Mat source = Mats.fromImage(image);
        Mat hole = Mats.fromMask(mask, image.width(), image.height());
        Mat filled = new Mat();
        try {
            Photo.inpaint(source, hole, filled, INPAINT_RADIUS_PIXELS, Photo.INPAINT_TELEA);
            return Optional.of(Mats.toImage(filled));
        } finally {
            source.release();
            hole.release();
            filled.release();
        }
    }
}
