package org.backdrop.model;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.backdrop.image.RgbImage;

/** Decodes test images into {@link RgbImage}s. */
public final class TestImages {

    private TestImages() {}

    // TODO: decode with the image package's OpenCV decoder once it is on main; ImageIO's JPEG decoder
    // differs slightly from libjpeg-turbo, which the reference outputs used.
    /** Decodes {@code file} with javax.imageio; the fixture JPEGs carry no EXIF orientation. */
    public static RgbImage read(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        if (image == null) {
            throw new IOException("javax.imageio cannot decode " + file);
        }
        int width = image.getWidth();
        int height = image.getHeight();
        byte[] pixels = new byte[width * height * 3];
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                int offset = (y * width + x) * 3;
                pixels[offset] = (byte) (row[x] >> 16);
                pixels[offset + 1] = (byte) (row[x] >> 8);
                pixels[offset + 2] = (byte) row[x];
            }
        }
        return new RgbImage(width, height, pixels);
    }
}
