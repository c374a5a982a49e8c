package org.backdrop.background;

import org.backdrop.image.RgbImage;

/** Checks shared by the strategies and the compositor on row-major masks. */
final class Masks {

    private Masks() {}

    static void requireSize(byte[] mask, int width, int height) {
        if (mask.length != (long) width * height) {
            throw new IllegalArgumentException(
                    "mask of " + mask.length + " bytes does not match a " + width + "x" + height
                            + " image; pass one byte per pixel, row by row");
        }
    }

    static void requireSameSize(RgbImage first, RgbImage second, String role) {
        if (first.width() != second.width() || first.height() != second.height()) {
            throw new IllegalArgumentException(
                    role + " is " + second.width() + "x" + second.height() + " but the object image is "
                            + first.width() + "x" + first.height() + "; resize it to the object image first");
        }
    }
}
