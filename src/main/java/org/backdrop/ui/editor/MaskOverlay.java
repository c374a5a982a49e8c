package org.backdrop.ui.editor;

import java.nio.IntBuffer;
import javafx.geometry.Rectangle2D;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.backdrop.mask.edit.EditableMask;
import org.backdrop.mask.edit.PixelRect;
import org.backdrop.mask.edit.Seeds;
import org.backdrop.ui.editor.MaskEditorViewModel.ViewMode;

/**
 * The mask editor's overlay, split into tiles of {@value #TILE} x {@value #TILE} pixels. Each tile is an
 * image whose pixels live in an {@code IntBuffer} that JavaFX shares through a {@link PixelBuffer}.
 * {@link #redraw(PixelRect)} rewrites only the changed rectangle and hands each touched tile its part
 * as the dirty region. Only the touched tiles' nodes change, so the renderer repaints their screen
 * area and not the whole image: a brush stroke costs its own pixels, not a new image of the mask.
 * Seed strokes draw over the mask. Call every method on the JavaFX thread.
 */
final class MaskOverlay {

    static final int TILE = 256;

    private static final int FOREGROUND_SEED = premultiplied(Color.web("#34c759"), 0.85);
    private static final int BACKGROUND_SEED = premultiplied(Color.web("#0a84ff"), 0.85);

    /** One tile: its place in the mask, its pixels and the node that shows them. */
    private record Tile(PixelRect area, IntBuffer buffer, PixelBuffer<IntBuffer> pixels, ImageView view) {}

    private final EditableMask mask;
    private final Seeds seeds;
    private final int columns;
    private final Tile[] tiles;
    private final Group node = new Group();
    private int foreground;
    private int background;

    MaskOverlay(EditableMask mask, Seeds seeds) {
        this.mask = mask;
        this.seeds = seeds;
        this.columns = (mask.width() + TILE - 1) / TILE;
        int rows = (mask.height() + TILE - 1) / TILE;
        this.tiles = new Tile[columns * rows];
        for (int row = 0; row < rows; row++) {
            for (int column = 0; column < columns; column++) {
                PixelRect area = PixelRect.ofBounds(column * TILE, row * TILE,
                        Math.min(mask.width(), (column + 1) * TILE), Math.min(mask.height(), (row + 1) * TILE));
                IntBuffer buffer = IntBuffer.allocate((int) area.area());
                PixelBuffer<IntBuffer> pixels = new PixelBuffer<>(area.width(), area.height(), buffer, PixelFormat.getIntArgbPreInstance());
                ImageView view = new ImageView(new WritableImage(pixels));
                view.setSmooth(false);
                view.setLayoutX(area.x());
                view.setLayoutY(area.y());
                tiles[row * columns + column] = new Tile(area, buffer, pixels, view);
                node.getChildren().add(view);
            }
        }
        node.setId("editor-overlay");
    }

    /** Returns the node that shows the overlay, in image pixel coordinates. */
    Node node() {
        return node;
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
        redrawAll();
    }

    /** Rewrites the pixels of {@code rect} from the mask and the seeds, and marks only that region dirty. */
    void redraw(PixelRect rect) {
        PixelRect clipped = rect.clip(mask.width(), mask.height());
        if (clipped.isEmpty()) {
            return;
        }
        for (int row = clipped.y() / TILE; row <= (clipped.endY() - 1) / TILE; row++) {
            for (int column = clipped.x() / TILE; column <= (clipped.endX() - 1) / TILE; column++) {
                redrawTile(tiles[row * columns + column], clipped);
            }
        }
    }

    /** Redraws the whole overlay. */
    void redrawAll() {
        redraw(new PixelRect(0, 0, mask.width(), mask.height()));
    }

    /** Returns the premultiplied ARGB value that the overlay shows at pixel ({@code x}, {@code y}). */
    int pixel(int x, int y) {
        Tile tile = tiles[(y / TILE) * columns + x / TILE];
        return tile.buffer().get((y - tile.area().y()) * tile.area().width() + x - tile.area().x());
    }

    private void redrawTile(Tile tile, PixelRect rect) {
        PixelRect area = tile.area();
        int x0 = Math.max(rect.x(), area.x());
        int y0 = Math.max(rect.y(), area.y());
        int x1 = Math.min(rect.endX(), area.endX());
        int y1 = Math.min(rect.endY(), area.endY());
        int[] array = tile.buffer().array();
        for (int y = y0; y < y1; y++) {
            int rowStart = (y - area.y()) * area.width() - area.x();
            for (int x = x0; x < x1; x++) {
                array[rowStart + x] = colour(x, y);
            }
        }
        Rectangle2D dirty = new Rectangle2D(x0 - area.x(), y0 - area.y(), x1 - x0, y1 - y0);
        tile.pixels().updateBuffer(buffer -> dirty);
    }

    private int colour(int x, int y) {
        byte seed = seeds.get(x, y);
        if (seed == Seeds.FOREGROUND) {
            return FOREGROUND_SEED;
        }
        if (seed == Seeds.BACKGROUND) {
            return BACKGROUND_SEED;
        }
        return mask.get(x, y) ? foreground : background;
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
