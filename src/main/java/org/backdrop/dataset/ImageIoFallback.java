package org.backdrop.dataset;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.backdrop.image.RgbImage;

/**
 * Image sizes, decoding and PNG encoding through {@code javax.imageio}, used by the readers and
 * writers until the image package provides its own.
 *
 * <p>TODO: switch {@link #readSize} to {@code org.backdrop.image.ImageHeader.read(Path)} and
 * {@link #decode} to the image package's decoder once that package is merged; ImageIO ignores EXIF
 * orientation and accepts truncated JPEGs without an error.
 */
public final class ImageIoFallback {

    private ImageIoFallback() {}

    /** Width and height of an image in pixels. */
    public record ImageSize(int width, int height) {

        /** Returns {@code width * height}. */
        public long pixels() {
            return (long) width * height;
        }
    }

    /**
     * Reads the width and height from the image file's header without decoding the pixels.
     *
     * @throws IOException if the file cannot be read or is not an image format ImageIO can read
     */
    public static ImageSize readSize(Path file) throws IOException {
        try (ImageInputStream input = ImageIO.createImageInputStream(file.toFile())) {
            if (input == null) {
                throw new IOException("cannot open " + file);
            }
            ImageReader reader = firstReader(input, file);
            try {
                reader.setInput(input, true, true);
                return new ImageSize(reader.getWidth(0), reader.getHeight(0));
            } finally {
                reader.dispose();
            }
        }
    }

    /**
     * Decodes an image file to 8-bit RGB; alpha is dropped and palette and grey images are expanded.
     *
     * @throws IOException if the file cannot be read or decoded
     */
    public static RgbImage decode(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        if (image == null) {
            throw new IOException(file + " is not an image format that can be decoded (JPEG, PNG, BMP, GIF)");
        }
        return toRgb(image);
    }

    /** Encodes {@code image} as an 8-bit RGB PNG (lossless). */
    public static byte[] encodePng(RgbImage image) throws IOException {
        BufferedImage buffered = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_3BYTE_BGR);
        byte[] bgr = ((DataBufferByte) buffered.getRaster().getDataBuffer()).getData();
        byte[] rgb = image.pixels();
        for (int i = 0; i < rgb.length; i += 3) {
            bgr[i] = rgb[i + 2];
            bgr[i + 1] = rgb[i + 1];
            bgr[i + 2] = rgb[i];
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (!ImageIO.write(buffered, "png", bytes)) {
            throw new IOException("no PNG writer available in javax.imageio");
        }
        return bytes.toByteArray();
    }

    private static ImageReader firstReader(ImageInputStream input, Path file) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
        if (!readers.hasNext()) {
            throw new IOException(file + " is not an image format that can be read (JPEG, PNG, BMP, GIF)");
        }
        return readers.next();
    }

    private static RgbImage toRgb(BufferedImage image) {
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
