package org.backdrop.mask.edit;

import java.util.Arrays;

/**
 * One undoable edit: the pixels it flipped, stored as runs over its dirty rectangle. Because a
 * binary mask pixel has two values, the same flips undo and redo the edit.
 *
 * <p>The runs cover the rectangle in row-major order and alternate between unchanged and flipped
 * pixels, starting with unchanged ones. A brush stroke therefore costs a few runs per row of its
 * rectangle, not a copy of the mask. The worst case, every other pixel flipped, costs 4 bytes per
 * pixel of the rectangle.
 */
final class MaskDelta {

    private final String name;
    private final PixelRect rect;
    private final int[] runs;

    MaskDelta(String name, PixelRect rect, int[] runs) {
        this.name = name;
        this.rect = rect;
        this.runs = runs;
    }

    /**
     * Encodes the pixels of {@code rect} whose bits are set in {@code flipped} (1 bit per pixel of a
     * row-major mask {@code imageWidth} pixels wide) and clears those bits.
     *
     * @return the delta, or null when no bit in the rectangle was set
     */
    static MaskDelta takeFlips(String name, PixelRect rect, long[] flipped, int imageWidth) {
        int[] runs = new int[16];
        int runCount = 0;
        int current = 0;
        boolean flippedRun = false;
        for (int y = rect.y(); y < rect.endY(); y++) {
            for (int x = rect.x(); x < rect.endX(); x++) {
                int index = y * imageWidth + x;
                boolean bit = (flipped[index >>> 6] & (1L << index)) != 0;
                if (bit != flippedRun) {
                    if (runCount == runs.length) {
                        runs = Arrays.copyOf(runs, runCount * 2);
                    }
                    runs[runCount++] = current;
                    current = 0;
                    flippedRun = bit;
                }
                current++;
                flipped[index >>> 6] &= ~(1L << index);
            }
        }
        if (runCount == 0) {
            return null;
        }
        int[] exact = Arrays.copyOf(runs, runCount + 1);
        exact[runCount] = current;
        return new MaskDelta(name, rect, exact);
    }

    String name() {
        return name;
    }

    PixelRect rect() {
        return rect;
    }

    /** Returns an estimate of the heap this edit holds, in bytes. */
    long bytes() {
        return 64L + 4L * runs.length;
    }

    /** Flips the edit's pixels in {@code pixels}, a row-major mask {@code imageWidth} pixels wide. */
    void flip(byte[] pixels, int imageWidth) {
        int position = 0;
        for (int i = 0; i < runs.length; i++) {
            if (i % 2 == 1) {
                for (int k = position; k < position + runs[i]; k++) {
                    int index = (rect.y() + k / rect.width()) * imageWidth + rect.x() + k % rect.width();
                    pixels[index] ^= 1;
                }
            }
            position += runs[i];
        }
    }

    @Override
    public String toString() {
        return "MaskDelta[" + name + ", " + rect + ", runs=" + Arrays.toString(runs) + "]";
    }
}
