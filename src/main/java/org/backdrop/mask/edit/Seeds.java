package org.backdrop.mask.edit;

import java.util.Arrays;

/**
 * Foreground and background seed strokes for GrabCut refinement: per pixel, none, foreground or
 * background. Strokes are painted with the same round brush as {@link EditableMask#paintLine}; a
 * later stroke overwrites an earlier one.
 */
public final class Seeds {

    /** The pixel is not a seed. */
    public static final byte NONE = 0;
    /** The pixel is certainly foreground. */
    public static final byte FOREGROUND = 1;
    /** The pixel is certainly background. */
    public static final byte BACKGROUND = 2;

    private final int width;
    private final int height;
    private final byte[] labels;
    private PixelRect bounds = PixelRect.EMPTY;

    public Seeds(int width, int height) {
        if (width <= 0 || height <= 0 || (long) width * height > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("invalid seed map size " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.labels = new byte[width * height];
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Returns {@link #NONE}, {@link #FOREGROUND} or {@link #BACKGROUND} for pixel ({@code x}, {@code y}). */
    public byte get(int x, int y) {
        return labels[y * width + x];
    }

    /** Returns the smallest rectangle around every seed pixel; empty when there are none. */
    public PixelRect bounds() {
        return bounds;
    }

    public boolean isEmpty() {
        return bounds.isEmpty();
    }

    /**
     * Paints a seed line as {@link EditableMask#paintLine} paints a brush line.
     *
     * @return the rectangle of the pixels that changed, empty when none did
     */
    public PixelRect paintLine(int x0, int y0, int x1, int y1, int size, boolean foreground) {
        // Paint through a scratch mask so the brush shape is defined in one place.
        PixelRect reach = PixelRect.ofBounds(Math.min(x0, x1) - size, Math.min(y0, y1) - size,
                Math.max(x0, x1) + size + 1, Math.max(y0, y1) + size + 1).clip(width, height);
        if (reach.isEmpty()) {
            return PixelRect.EMPTY;
        }
        EditableMask scratch = EditableMask.empty(reach.width(), reach.height());
        scratch.paintLine(x0 - reach.x(), y0 - reach.y(), x1 - reach.x(), y1 - reach.y(), size, true);
        byte label = foreground ? FOREGROUND : BACKGROUND;
        int x0Changed = Integer.MAX_VALUE;
        int y0Changed = Integer.MAX_VALUE;
        int x1Changed = -1;
        int y1Changed = -1;
        for (int row = 0; row < reach.height(); row++) {
            for (int column = 0; column < reach.width(); column++) {
                int index = (reach.y() + row) * width + reach.x() + column;
                if (scratch.get(column, row) && labels[index] != label) {
                    labels[index] = label;
                    x0Changed = Math.min(x0Changed, reach.x() + column);
                    y0Changed = Math.min(y0Changed, reach.y() + row);
                    x1Changed = Math.max(x1Changed, reach.x() + column);
                    y1Changed = Math.max(y1Changed, reach.y() + row);
                }
            }
        }
        if (x1Changed < 0) {
            return PixelRect.EMPTY;
        }
        PixelRect changed = PixelRect.ofBounds(x0Changed, y0Changed, x1Changed + 1, y1Changed + 1);
        bounds = bounds.union(changed);
        return changed;
    }

    /**
     * Removes every seed.
     *
     * @return the rectangle that held seeds before, empty when there were none
     */
    public PixelRect clear() {
        PixelRect before = bounds;
        Arrays.fill(labels, NONE);
        bounds = PixelRect.EMPTY;
        return before;
    }

    /** Returns true when some pixel is a foreground seed. */
    public boolean hasForeground() {
        return contains(FOREGROUND);
    }

    /** Returns true when some pixel is a background seed. */
    public boolean hasBackground() {
        return contains(BACKGROUND);
    }

    private boolean contains(byte label) {
        for (int y = bounds.y(); y < bounds.endY(); y++) {
            for (int x = bounds.x(); x < bounds.endX(); x++) {
                if (labels[y * width + x] == label) {
                    return true;
                }
            }
        }
        return false;
    }
}
