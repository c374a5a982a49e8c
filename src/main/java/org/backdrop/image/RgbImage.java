package org.backdrop.image;

/**
 * An 8-bit RGB image: {@code pixels} holds {@code width * height * 3} bytes, row by row, each pixel as
 * R, G, B. The array is shared, not copied; code that changes it owns the image.
 */
public record RgbImage(int width, int height, byte[] pixels) {

    public RgbImage {
        if (width < 0 || height < 0 || pixels.length != width * height * 3) {
            throw new IllegalArgumentException(
                    "RGB image of " + width + "x" + height + " needs " + width * height * 3 + " bytes, got " + pixels.length);
        }
    }

    /** Returns the red, green and blue values (0 to 255) of the pixel at column x, row y. */
    public int[] rgb(int x, int y) {
        int offset = (y * width + x) * 3;
        return new int[] {pixels[offset] & 0xFF, pixels[offset + 1] & 0xFF, pixels[offset + 2] & 0xFF};
    }
}
