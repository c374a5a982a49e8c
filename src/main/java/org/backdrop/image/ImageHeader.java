package org.backdrop.image;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The size, format and EXIF orientation that an image file's header declares, read without decoding
 * any pixel.
 *
 * @param width stored width in pixels, before EXIF orientation; at least 1
 * @param height stored height in pixels, before EXIF orientation; at least 1
 * @param format {@link ImageFormat#JPEG} or {@link ImageFormat#PNG}, detected from the file's first bytes
 * @param exifOrientation the EXIF Orientation tag, 1 to 8; 1 (upright) when the file has none
 */
public record ImageHeader(int width, int height, ImageFormat format, int exifOrientation) {

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException if a size is below 1 or the orientation is outside 1 to 8
     */
    public ImageHeader {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("invalid image size " + width + "x" + height + ": both sides must be at least 1");
        }
        if (exifOrientation < 1 || exifOrientation > 8) {
            throw new IllegalArgumentException("invalid EXIF orientation " + exifOrientation + ": must be 1 to 8");
        }
    }

    /**
     * Reads the header of a JPEG or PNG file. Only the bytes before the image data are read: for JPEG
     * the segments up to the first scan, for PNG the chunks up to the first IDAT.
     *
     * @throws ImageDecodeException if the file is missing, unreadable or empty, is no image, is an image
     *     format other than JPEG or PNG, or its header is truncated or malformed
     */
    public static ImageHeader read(Path file) throws ImageDecodeException {
        if (Files.isDirectory(file)) {
            throw new ImageDecodeException(file, ImageDecodeException.Reason.READ_FAILED, "a folder, not an image file");
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            in.mark(ImageFormat.SIGNATURE_LENGTH);
            byte[] head = in.readNBytes(ImageFormat.SIGNATURE_LENGTH);
            in.reset();
            ImageFormat format = detectDecodableFormat(file, head);

            if (format == ImageFormat.JPEG) {
                return JpegHeaderReader.read(file, skipped(in, 2));
            }
            return PngHeaderReader.read(file, skipped(in, PngHeaderReader.SIGNATURE_LENGTH));
        } catch (IOException e) {
            throw ImageDecodeException.fromIoFailure(file, e);
        }
    }

    /** Returns the width after EXIF orientation: the height for orientations 5 to 8, which turn the image by 90°. */
    public int orientedWidth() {
        return swapsSides() ? height : width;
    }

    /** Returns the height after EXIF orientation: the width for orientations 5 to 8. */
    public int orientedHeight() {
        return swapsSides() ? width : height;
    }

    /** Returns {@code width × height}, the number of pixels that decoding allocates. */
    public long pixelCount() {
        return (long) width * height;
    }

    /** Returns whether the EXIF orientation turns the image by 90° and so swaps its width and height. */
    public boolean swapsSides() {
        return exifOrientation >= 5;
    }

    /**
     * Returns JPEG or PNG as detected from the first bytes.
     *
     * @throws ImageDecodeException if the file is empty, matches no format, or is another format
     */
    static ImageFormat detectDecodableFormat(Path file, byte[] head) throws ImageDecodeException {
        if (head.length == 0) {
            throw new ImageDecodeException(file, ImageDecodeException.Reason.EMPTY_FILE, "the file is empty (0 bytes)");
        }
        Optional<ImageFormat> detected = ImageFormat.detect(head, head.length);
        if (detected.isEmpty()) {
            throw new ImageDecodeException(file, ImageDecodeException.Reason.NOT_AN_IMAGE,
                    "not an image: its first bytes match neither the JPEG nor the PNG signature");
        }
        ImageFormat format = detected.get();
        if (!format.isDecodable()) {
            throw new ImageDecodeException(file, ImageDecodeException.Reason.UNSUPPORTED_FORMAT,
                    "a " + format.displayName() + " image, but only JPEG and PNG are supported");
        }
        return format;
    }

    private static HeaderInput skipped(InputStream in, int signatureLength) throws IOException {
        in.skipNBytes(signatureLength);
        return new HeaderInput(in, signatureLength);
    }
}
