package org.backdrop.dataset.voc;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.backdrop.mask.Rle;

/**
 * A mask of 8-bit values per pixel, as a palette or greyscale PNG stores them: class indices in
 * {@code SegmentationClass}, instance ids in {@code SegmentationObject}, 255 for void pixels.
 *
 * @param width the width in pixels
 * @param height the height in pixels
 * @param values {@code width * height} values, row by row; shared, not copied
 */
public record IndexedMask(int width, int height, byte[] values) {

    /** The value VOC masks use for void pixels: object borders and regions left unlabelled. */
    public static final int VOID = 255;

    public IndexedMask {
        if (width < 0 || height < 0 || values.length != width * height) {
            throw new IllegalArgumentException("mask of " + width + "x" + height + " needs " + width * height + " values, got " + values.length);
        }
    }

    /**
     * Reads the palette indices (or grey values) of a one-channel PNG through its raster, never
     * through its colours, so index 15 stays 15 whatever colour the palette gives it.
     *
     * @throws IOException if the file cannot be decoded, has more than one channel, or has values
     *     above 255
     */
    public static IndexedMask read(Path png) throws IOException {
        BufferedImage image;
        // An in-memory cache: ImageIO would otherwise cache a plain InputStream in a temporary file.
        // ImageIO.read closes the ImageInputStream it is given.
        try (InputStream in = Files.newInputStream(png)) {
            image = ImageIO.read(new MemoryCacheImageInputStream(in));
        }
        if (image == null) {
            throw new IOException(png + " is not an image that can be decoded");
        }
        Raster raster = image.getRaster();
        if (raster.getNumBands() != 1) {
            throw new IOException(png + " has " + raster.getNumBands() + " channels; a VOC mask must be a palette or greyscale PNG"
                    + " whose values are class indices, not colours");
        }
        int width = image.getWidth();
        int height = image.getHeight();
        byte[] values = new byte[width * height];
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            raster.getSamples(0, y, width, 1, 0, row);
            for (int x = 0; x < width; x++) {
                if (row[x] > 0xFF) {
                    throw new IOException(png + " has value " + row[x] + " at (" + x + ", " + y + "); VOC mask values are 0 to 255");
                }
                values[y * width + x] = (byte) row[x];
            }
        }
        return new IndexedMask(width, height, values);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IndexedMask that && that.width == width && that.height == height && Arrays.equals(that.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "IndexedMask[" + width + "x" + height + "]";
    }

    /** Returns the value (0 to 255) at column {@code x}, row {@code y}. */
    public int valueAt(int x, int y) {
        return values[y * width + x] & 0xFF;
    }

    /** Returns the pixels equal to {@code value} as a binary mask. */
    public Rle maskOf(int value) {
        byte[] mask = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            mask[i] = (byte) ((values[i] & 0xFF) == value ? 1 : 0);
        }
        return Rle.fromRowMajor(mask, width, height);
    }

    /** Returns how many pixels have each value: {@code counts[v]} pixels have value v. */
    public long[] histogram() {
        long[] counts = new long[256];
        for (byte value : values) {
            counts[value & 0xFF]++;
        }
        return counts;
    }
}
