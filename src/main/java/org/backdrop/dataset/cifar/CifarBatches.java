package org.backdrop.dataset.cifar;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.backdrop.image.RgbImage;

/**
 * The CIFAR-10 binary record layout and a fast reader for one record's pixels.
 *
 * <p>A binary batch is a sequence of 3073-byte records: one label byte, then the 1024 red values,
 * the 1024 green values and the 1024 blue values of a 32×32 image, each plane stored row by row.
 */
public final class CifarBatches {

    /** Width and height of every CIFAR-10 image in pixels. */
    public static final int SIDE = 32;
    /** Bytes in one colour plane: 32 × 32. */
    public static final int PLANE_BYTES = SIDE * SIDE;
    /** Bytes of pixels in one record: three planes. */
    public static final int IMAGE_BYTES = 3 * PLANE_BYTES;
    /** Bytes in one binary record: the label byte and the pixels. */
    public static final int RECORD_BYTES = 1 + IMAGE_BYTES;

    private CifarBatches() {}

    /**
     * Reads record {@code index} (0-based) of a binary batch and returns its pixels as RGB.
     *
     * @throws IOException if the file cannot be read, its length is not a multiple of
     *     {@link #RECORD_BYTES}, or {@code index} is not one of its records
     */
    public static RgbImage readImage(Path batch, int index) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(batch, StandardOpenOption.READ)) {
            int count = recordCount(batch, channel.size());
            if (index < 0 || index >= count) {
                throw new IOException(batch + " has records 0 to " + (count - 1) + "; record " + index + " does not exist");
            }
            ByteBuffer record = ByteBuffer.allocate(RECORD_BYTES);
            channel.position((long) index * RECORD_BYTES);
            while (record.hasRemaining()) {
                if (channel.read(record) < 0) {
                    throw new IOException(batch + " ended inside record " + index + "; the file changed while it was read");
                }
            }
            return planesToImage(record.array(), 1);
        }
    }

    /**
     * Returns the number of whole records in a binary batch of {@code length} bytes.
     *
     * @throws IOException if {@code length} is not a multiple of {@link #RECORD_BYTES}; the message
     *     names {@code batch} and counts the stray bytes
     */
    public static int recordCount(Path batch, long length) throws IOException {
        String problem = lengthProblem(length);
        if (problem != null) {
            throw new IOException(batch + ": " + problem);
        }
        return (int) (length / RECORD_BYTES);
    }

    /** Returns why a binary batch of {@code length} bytes is damaged, or null when it is whole. */
    static String lengthProblem(long length) {
        long stray = length % RECORD_BYTES;
        if (stray == 0 && length / RECORD_BYTES <= Integer.MAX_VALUE) {
            return null;
        }
        return length + " bytes is not a multiple of the " + RECORD_BYTES + "-byte CIFAR-10 record ("
                + length / RECORD_BYTES + " whole records and " + stray
                + " stray bytes); the file is damaged or not a CIFAR-10 binary batch, so download or copy it again";
    }

    /**
     * Converts the three planes starting at {@code offset} of {@code planes} (R, G, B, each 1024
     * bytes row by row) to a 32×32 RGB image.
     */
    public static RgbImage planesToImage(byte[] planes, int offset) {
        byte[] pixels = new byte[IMAGE_BYTES];
        for (int i = 0; i < PLANE_BYTES; i++) {
            pixels[i * 3] = planes[offset + i];
            pixels[i * 3 + 1] = planes[offset + PLANE_BYTES + i];
            pixels[i * 3 + 2] = planes[offset + 2 * PLANE_BYTES + i];
        }
        return new RgbImage(SIDE, SIDE, pixels);
    }

    /**
     * Writes a 32×32 RGB image as three planes into {@code planes} starting at {@code offset}.
     *
     * @throws IllegalArgumentException if the image is not 32×32
     */
    public static void imageToPlanes(RgbImage image, byte[] planes, int offset) {
        if (image.width() != SIDE || image.height() != SIDE) {
            throw new IllegalArgumentException("CIFAR-10 images are 32x32, got " + image.width() + "x" + image.height());
        }
        byte[] pixels = image.pixels();
        for (int i = 0; i < PLANE_BYTES; i++) {
            planes[offset + i] = pixels[i * 3];
            planes[offset + PLANE_BYTES + i] = pixels[i * 3 + 1];
            planes[offset + 2 * PLANE_BYTES + i] = pixels[i * 3 + 2];
        }
    }
}
