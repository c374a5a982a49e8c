package org.backdrop.dataset.coco;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.backdrop.image.RgbImage;

/** Encodes decoded pixels as PNG files for formats that store images as files. */
final class PngFiles {

    private PngFiles() {}

    /**
     * Writes {@code image} to {@code file} as an 8-bit RGB PNG.
     *
     * @throws IOException when encoding or writing fails
     */
    // TODO: switch to org.backdrop.image.ImageEncoder once the image package provides it, so that every
    // writer encodes PNG the same way.
    static void write(RgbImage image, Path file) throws IOException {
        BufferedImage buffered = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_INT_RGB);
        byte[] pixels = image.pixels();
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                int offset = (y * image.width() + x) * 3;
                int rgb = (pixels[offset] & 0xFF) << 16 | (pixels[offset + 1] & 0xFF) << 8 | (pixels[offset + 2] & 0xFF);
                buffered.setRGB(x, y, rgb);
            }
        }
        if (!ImageIO.write(buffered, "png", file.toFile())) {
            throw new IOException("no PNG encoder is available in this Java runtime to write " + file);
        }
    }
}
