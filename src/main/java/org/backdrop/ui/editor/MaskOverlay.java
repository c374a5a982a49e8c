package org.backdrop.ui.editor;

import java.nio.IntBuffer;
import javafx.geometry.Rectangle2D;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.backdrop.mask.edit.EditableMask;
import org.backdrop.mask.edit.PixelRect;
import org.backdrop.mask.edit.Seeds;
import org.backdrop.ui.editor.MaskEditorViewModel.ViewMode;

/**
 * The mask editor's overlay: one image the size of the mask whose pixels live in an {@code IntBuffer}
 * that JavaFX shares through a {@link PixelBuffer}. {@link #redraw(PixelRect)} rewrites only the
 * changed rectangle and hands JavaFX that rectangle as the dirty region, so a brush stroke costs
 * its own pixels and not a new image of the whole mask. Seed strokes draw over the mask. Call
 * every method on the JavaFX thread.
 */
final class MaskOverlay {

    private static final int FOREGROUND_SEED = premultiplied(Color.web("#34c759"), 0.85);
    private static final int BACKGROUND_SEED = premultiplied(Color.web("#0a84ff"), 0.85);

    private final EditableMask mask;
    private final Seeds seeds;
    private final int width;
    private final IntBuffer buffer;
    private final PixelBuffer<IntBuffer> pixels;
    private final WritableImage image;
    private int foreground;
    private int background;

    MaskOverlay(EditableMask mask, Seeds seeds) {
        this.mask = mask;
        this.seeds = seeds;
        this.width = mask.width();
        this.buffer = IntBuffer.allocate(mask.width() * mask.height());
        this.pixels = new PixelBuffer<>(mask.width(), mask.height(), buffer, PixelFormat.getIntArgbPreInstance());
        this.image = new WritableImage(pixels);
    }

    WritableImage image() {
        return image;
    }

    /** Sets the colours for {@code mode} and redraws everything. */
    void setStyle(Color color, double opacity, ViewMode mode) {
        switch (mode) {
            case MASK -> {
                foreground = 0xFFFFFFFF;
                background = 0xFF000000;
            }
            case COMPOSITE -> {
                foreground = premultiplied(color, opacity);
                background = 0;
            }
            case ORIGINAL -> {
                foreground = 0;
                background = 0;
            }
        }
        redraw(new PixelRect(0, 0, mask.width(), mask.height()));
    }

    /** Rewrites the pixels of {@code rect} from the mask and the seeds, and marks only that region dirty. */
    void redraw(PixelRect rect) {
        PixelRect clipped = rect.clip(mask.width(), mask.height());
        if (clipped.isEmpty()) {
            return;
        }
        int[] array = buffer.array();
        for (int y = clipped.y(); y < clipped.endY(); y++) {
            for (int x = clipped.x(); x < clipped.endX(); x++) {
                byte seed = seeds.get(x, y);
                int value;
                if (seed == Seeds.FOREGROUND) {
                    value = FOREGROUND_SEED;
                } else if (seed == Seeds.BACKGROUND) {
                    value = BACKGROUND_SEED;
                } else {
                    value = mask.get(x, y) ? foreground : background;
                }
                array[y * width + x] = value;
            }
        }
        pixels.updateBuffer(buffer -> new Rectangle2D(clipped.x(), clipped.y(), clipped.width(), clipped.height()));
    }

    /** Redraws the whole overlay and marks the whole image dirty, as an editor without dirty regions would per change. */
    void redrawAll() {
        redraw(new PixelRect(0, 0, mask.width(), mask.height()));
    }

    /** Returns {@code color} at {@code opacity} as a premultiplied ARGB int. */
    static int premultiplied(Color color, double opacity) {
        double alpha = Math.max(0, Math.min(1, opacity * color.getOpacity()));
        int a = (int) Math.round(alpha * 255);
        int r = (int) Math.round(color.getRed() * alpha * 255);
        int g = (int) Math.round(color.getGreen() * alpha * 255);
        int b = (int) Math.round(color.getBlue() * alpha * 255);
        return a << 24 | r << 16 | g << 8 | b;
    }
}
