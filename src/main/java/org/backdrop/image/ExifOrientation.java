package org.backdrop.image;

/**
 * Turns stored pixels upright as an EXIF Orientation value specifies (EXIF 2.3, tag 0x0112). The value
 * names where the stored first row and first column belong:
 * <ol>
 *   <li>upright
 *   <li>mirrored left to right
 *   <li>rotated 180°
 *   <li>mirrored top to bottom
 *   <li>mirrored along the main diagonal (transposed)
 *   <li>needs a 90° clockwise turn
 *   <li>mirrored along the other diagonal (transverse)
 *   <li>needs a 90° counter-clockwise turn
 * </ol>
 */
final class ExifOrientation {

    private ExifOrientation() {}

    /**
     * Returns the upright image; {@code image} itself for orientation 1.
     *
     * @throws IllegalArgumentException if {@code orientation} is outside 1 to 8
     */
    static RgbImage apply(RgbImage image, int orientation) {
        if (orientation < 1 || orientation > 8) {
            throw new IllegalArgumentException("invalid EXIF orientation " + orientation + ": must be 1 to 8");
        }
        if (orientation == 1) {
            return image;
        }
        int width = image.width();
        int height = image.height();
        boolean swapsSides = orientation >= 5;
        int outWidth = swapsSides ? height : width;
        int outHeight = swapsSides ? width : height;
        byte[] source = image.pixels();
        byte[] target = new byte[source.length];

        for (int v = 0; v < outHeight; v++) {
            for (int u = 0; u < outWidth; u++) {
                // (u, v) is the output pixel; (x, y) is the stored pixel that lands there.
                int x = switch (orientation) {
                    case 2, 3 -> width - 1 - u;
                    case 4 -> u;
                    case 5, 6 -> v;
                    default -> width - 1 - v; // 7, 8
                };
                int y = switch (orientation) {
                    case 2 -> v;
                    case 3, 4 -> height - 1 - v;
                    case 5, 8 -> u;
                    default -> height - 1 - u; // 6, 7
                };
                int from = (y * width + x) * 3;
                int to = (v * outWidth + u) * 3;
                target[to] = source[from];
                target[to + 1] = source[from + 1];
                target[to + 2] = source[from + 2];
            }
        }
        return new RgbImage(outWidth, outHeight, target);
    }
}
