package org.backdrop.image;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * Encodes 8-bit RGB images as PNG or JPEG with OpenCV. Files are written whole or not at all: the
 * bytes go to a temporary file in the target's folder, which is then renamed onto the target, so an
 * interrupted run never leaves a half-written file under the final name. Written files carry no EXIF
 * data, so their pixels are upright as given.
 *
 * <p>The methods are thread-safe; two threads writing the same target leave one complete file.
 */
public final class ImageEncoder {

    private static final SecureRandom TEMPORARY_NAMES = new SecureRandom();

    private ImageEncoder() {}

    /**
     * Encodes an image as an 8-bit RGB PNG in memory, with OpenCV's default compression (zlib level 1).
     *
     * @throws IllegalArgumentException if the image has no pixels
     */
    public static byte[] encodePng(RgbImage image) {
        return OpenCvCodec.encode(image, ".png");
    }

    /**
     * Writes an image as an 8-bit RGB PNG, replacing {@code file} if it exists.
     *
     * @throws IOException if the folder does not exist or the file cannot be written; {@code file} is
     *     then unchanged
     * @throws IllegalArgumentException if the image has no pixels
     */
    public static void writePng(RgbImage image, Path file) throws IOException {
        writeAtomically(encodePng(image), file);
    }

    /**
     * Writes an image as a baseline JPEG with 4:2:0 chroma subsampling (OpenCV's default), replacing
     * {@code file} if it exists.
     *
     * @param quality JPEG quality from 0 (smallest file) to 100 (best quality)
     * @throws IOException if the folder does not exist or the file cannot be written; {@code file} is
     *     then unchanged
     * @throws IllegalArgumentException if {@code quality} is outside 0 to 100 or the image has no pixels
     */
    public static void writeJpeg(RgbImage image, Path file, int quality) throws IOException {
        if (quality < 0 || quality > 100) {
            throw new IllegalArgumentException("invalid JPEG quality " + quality + ": must be 0 to 100");
        }
        writeAtomically(OpenCvCodec.encode(image, ".jpg", Imgcodecs.IMWRITE_JPEG_QUALITY, quality), file);
    }

    /**
     * Writes {@code bytes} to a new temporary file beside {@code file}, forces them to the disk, and
     * renames the temporary file onto {@code file}. The temporary file is deleted when any step fails.
     *
     * <p>NOTE: on Linux and macOS the rename (rename(2)) replaces an existing file; on Windows the JDK
     * calls replacing an existing target with ATOMIC_MOVE implementation specific, and it is untested here.
     *
     * @throws NoSuchFileException if the target's folder does not exist
     */
    static void writeAtomically(byte[] bytes, Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Path folder = target.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new NoSuchFileException(String.valueOf(folder), null,
                    "folder not found, so " + target.getFileName() + " cannot be written; create the folder first");
        }
        Path temporary = folder.resolve("." + target.getFileName() + "." + randomSuffix() + ".tmp");
        try {
            // Created like any new file (permissions from the umask), unlike Files.createTempFile's owner-only mode.
            try (SeekableByteChannel channel = Files.newByteChannel(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                // Local files are forced to the disk; a Hadoop file is durable once its stream is closed.
                if (channel instanceof FileChannel local) {
                    local.force(true);
                }
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException deleteFailure) {
                e.addSuppressed(deleteFailure);
            }
            throw e;
        }
    }

    private static String randomSuffix() {
        byte[] random = new byte[8];
        TEMPORARY_NAMES.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
