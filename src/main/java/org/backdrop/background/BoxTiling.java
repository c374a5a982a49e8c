package org.backdrop.background;

import java.util.Optional;
import org.backdrop.image.RgbImage;

/**
 * ImageNet-9's Only-BG-T fill (Xiao, Engstrom, Ilyas and Madry, "Noise or Signal: The Role of Image
 * Backgrounds in Object Recognition", arXiv:2006.09994, and the authors' generation script): the object
 * box is replaced by tiles cut from the largest strip of the image that lies wholly outside the box.
 *
 * <p>The candidate strips are the full-height strips left and right of the box and the full-width
 * strips above and below it. The wider of left and right (right on a tie) competes with the taller of
 * top and bottom (bottom on a tie) by area, and the left-or-right strip wins only when its area is
 * strictly larger. The strip is repeated from the image origin, so box pixel {@code (x, y)} takes strip
 * pixel {@code (x mod stripWidth, y mod stripHeight)}. Pixels outside the box keep their values.
 */
public final class BoxTiling {

    private BoxTiling() {}

    /**
     * Returns a new image with {@code box} filled by background tiles, or an empty optional when the
     * box covers the whole image and leaves no strip. A box that reaches past the image is clipped, and
     * one wholly outside it gives an unchanged copy.
     */
    public static Optional<RgbImage> fill(RgbImage image, PixelBox box) {
        Optional<PixelBox> clipped = box.clippedTo(image.width(), image.height());
        if (clipped.isEmpty()) {
            return Optional.of(new RgbImage(image.width(), image.height(), image.pixels().clone()));
        }
        Optional<PixelBox> strip = strip(image.width(), image.height(), clipped.get());
        if (strip.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(tile(image, clipped.get(), strip.get()));
    }

    /**
     * Returns the strip whose tiles fill {@code box} in a {@code width x height} image, or an empty
     * optional when the box covers the whole image.
     */
    public static Optional<PixelBox> strip(int width, int height, PixelBox box) {
        int left = box.x();
        int right = width - box.endX();
        int top = box.y();
        int bottom = height - box.endY();
        long sideArea = (long) Math.max(left, right) * height;
        long endArea = (long) Math.max(top, bottom) * width;
        if (sideArea == 0 && endArea == 0) {
            return Optional.empty();
        }
        if (sideArea > endArea) {
            return Optional.of(left > right
                    ? new PixelBox(0, 0, left, height)
                    : new PixelBox(box.endX(), 0, right, height));
        }
        return Optional.of(top > bottom
                ? new PixelBox(0, 0, width, top)
                : new PixelBox(0, box.endY(), width, bottom));
    }

    private static RgbImage tile(RgbImage image, PixelBox box, PixelBox strip) {
        byte[] source = image.pixels();
        byte[] out = source.clone();
        int width = image.width();
        for (int y = box.y(); y < box.endY(); y++) {
            int sourceRow = strip.y() + y % strip.height();
            for (int x = box.x(); x < box.endX(); x++) {
                int sourceColumn = strip.x() + x % strip.width();
                System.arraycopy(source, (sourceRow * width + sourceColumn) * 3, out, (y * width + x) * 3, 3);
            }
        }
        return new RgbImage(image.width(), image.height(), out);
    }
}
