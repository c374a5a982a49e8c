package org.backdrop.ui.image;

import java.nio.IntBuffer;
import java.util.Arrays;
import javafx.geometry.Rectangle2D;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.backdrop.image.RgbImage;

/**
 * An image view for thumbnails of at most {@code side x side} pixels that enlarges small images by a
 * whole factor ({@link Thumbnails#enlargement}), each source pixel a sharp square block.
 *
 * <p>The view draws into one pixel buffer of its own and reuses it for every image it shows, so a grid
 * cell that shows thousands of thumbnails while the grid scrolls allocates no pixels per thumbnail. The
 * caller can then cache the small source images only (3 KB for a 32 x 32 image, not 36 KB for its
 * enlarged copy), and the garbage collector has far less to copy. Enlarging here instead of with the
 * view's {@code fitWidth} and {@code smooth=false} keeps the blocks sharp on every rendering pipeline:
 * JavaFX 21's software pipeline under Xvfb smoothed enlarged images even with smoothing off.
 *
 * <p>Use on the JavaFX thread. The renderer may read the buffer while it is rewritten. One frame can
 * then show a mix of the old and the new thumbnail, and the next frame shows the new one.
 */
public final class BlockImageView {

    private final int side;
    private final int[] pixels;
    private final PixelBuffer<IntBuffer> buffer;
    private final WritableImage image;
    private final ImageView view = new ImageView();
    private int shownWidth;
    private int shownHeight;

    /** Creates a view for images whose enlarged size fits in {@code side x side} pixels. */
    public BlockImageView(int side) {
        if (side < 1) {
            throw new IllegalArgumentException("side must be at least 1 pixel, got " + side);
        }
        this.side = side;
        this.pixels = new int[side * side];
        this.buffer = new PixelBuffer<>(side, side, IntBuffer.wrap(pixels), PixelFormat.getIntArgbPreInstance());
        this.image = new WritableImage(buffer);
        view.setSmooth(false);
    }

    /** Returns the node to place in a scene. Its image is null while nothing is shown. */
    public ImageView view() {
        return view;
    }

    /**
     * Shows {@code source} enlarged by the largest whole factor that fits, or at its own size when it is
     * already more than half of {@code side}.
     *
     * @throws IllegalArgumentException if {@code source} is larger than {@code side} on either axis;
     *     shrink it first with {@link Thumbnails#downscale}
     */
    public void show(RgbImage source) {
        int factor = checkedEnlargement(source.width(), source.height());
        buffer.updateBuffer(unused -> {
            draw(source, factor);
            return new Rectangle2D(0, 0, source.width() * factor, source.height() * factor);
        });
        showViewport(source.width() * factor, source.height() * factor);
    }

    /**
     * Shows a {@code width x height} image of opaque ARGB pixels, stored row-major in {@code argb} from
     * {@code offset}, enlarged as {@link #show(RgbImage)} does. Reads {@code argb} during the call only.
     *
     * @throws IllegalArgumentException if the image is larger than {@code side} on either axis
     */
    public void show(int[] argb, int offset, int width, int height) {
        int factor = checkedEnlargement(width, height);
        buffer.updateBuffer(unused -> {
            draw(argb, offset, width, height, factor);
            return new Rectangle2D(0, 0, width * factor, height * factor);
        });
        showViewport(width * factor, height * factor);
    }

    private int checkedEnlargement(int width, int height) {
        int factor = Thumbnails.enlargement(width, height, side);
        if (width * factor > side || height * factor > side) {
            throw new IllegalArgumentException("a " + width + " x " + height + " image does not fit a thumbnail view of " + side + " x " + side
                    + " pixels; shrink it first");
        }
        return factor;
    }

    private void showViewport(int width, int height) {
        if (width != shownWidth || height != shownHeight) {
            view.setViewport(new Rectangle2D(0, 0, width, height));
            shownWidth = width;
            shownHeight = height;
        }
        view.setImage(image);
    }

    /** Shows nothing; the view keeps its buffer for the next image. */
    public void clear() {
        view.setImage(null);
    }

    /** Writes one output row per source row, then copies it to the rows below that the same block covers. */
    private void draw(int[] argb, int offset, int width, int height, int factor) {
        for (int y = 0; y < height; y++) {
            int row = y * factor * side;
            int in = offset + y * width;
            if (factor == 1) {
                System.arraycopy(argb, in, pixels, row, width);
                continue;
            }
            for (int x = 0; x < width; x++) {
                int out = row + x * factor;
                Arrays.fill(pixels, out, out + factor, argb[in + x]);
            }
            for (int copy = 1; copy < factor; copy++) {
                System.arraycopy(pixels, row, pixels, row + copy * side, width * factor);
            }
        }
    }

    /** Draws RGB pixels as {@link #draw(int[], int, int, int, int)} draws ARGB ones. */
    private void draw(RgbImage source, int factor) {
        byte[] rgb = source.pixels();
        int width = source.width() * factor;
        for (int y = 0; y < source.height(); y++) {
            int row = y * factor * side;
            int in = y * source.width() * 3;
            for (int x = 0; x < source.width(); x++, in += 3) {
                int argb = 0xFF000000 | (rgb[in] & 0xFF) << 16 | (rgb[in + 1] & 0xFF) << 8 | (rgb[in + 2] & 0xFF);
                int out = row + x * factor;
                Arrays.fill(pixels, out, out + factor, argb);
            }
            for (int copy = 1; copy < factor; copy++) {
                System.arraycopy(pixels, row, pixels, row + copy * side, width);
            }
        }
    }
}
