package org.backdrop.background;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.backdrop.image.RgbImage;

/** Tiny hand-made images and masks for tests. */
final class TestImages {

    private TestImages() {}

    /** Returns a {@code width x height} image of one colour. */
    static RgbImage solid(int width, int height, int red, int green, int blue) {
        byte[] pixels = new byte[width * height * 3];
        for (int offset = 0; offset < pixels.length; offset += 3) {
            pixels[offset] = (byte) red;
            pixels[offset + 1] = (byte) green;
            pixels[offset + 2] = (byte) blue;
        }
        return new RgbImage(width, height, pixels);
    }

    /** Returns an image whose pixel (x, y) is (10 * y + x, 100 + x, 200 - y), so each pixel's value identifies its position. */
    static RgbImage coordinates(int width, int height) {
        byte[] pixels = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int offset = (y * width + x) * 3;
                pixels[offset] = (byte) (10 * y + x);
                pixels[offset + 1] = (byte) (100 + x);
                pixels[offset + 2] = (byte) (200 - y);
            }
        }
        return new RgbImage(width, height, pixels);
    }

    /** Returns a mask whose foreground is the rectangle {@code [x, x + boxWidth) x [y, y + boxHeight)}. */
    static byte[] rectangle(int width, int height, int x, int y, int boxWidth, int boxHeight) {
        byte[] mask = new byte[width * height];
        for (int row = y; row < y + boxHeight; row++) {
            for (int column = x; column < x + boxWidth; column++) {
                mask[row * width + column] = 1;
            }
        }
        return mask;
    }

    /** Writes a {@code width x height} PNG of one colour ({@code 0xRRGGBB}) with javax.imageio, not OpenCV. */
    static void writeSolidPng(Path file, int width, int height, int rgb) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, rgb);
            }
        }
        ImageIO.write(image, "png", file.toFile());
    }
}
