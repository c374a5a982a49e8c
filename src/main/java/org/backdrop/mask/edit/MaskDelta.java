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
