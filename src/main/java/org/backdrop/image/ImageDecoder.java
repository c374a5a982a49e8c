package org.backdrop.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes JPEG and PNG files into 8-bit RGB with OpenCV, after checking the header and the file's
 * structure so that a truncated or corrupt file is rejected instead of decoded into grey or
 * undefined rows.
 *
 * <p>Conversions: grayscale becomes R = G = B; palette PNG becomes its colours; alpha and PNG tRNS
 * transparency are dropped without compositing, so a fully transparent pixel keeps its stored colour;
 * 16-bit samples become the nearest 8-bit value, {@code round(v × 255 / 65535)}; CMYK and YCCK JPEG
 * (as written by Adobe, with inverted values) become RGB through OpenCV's formula, without a colour
 * profile. The format comes from the file's first bytes, so a JPEG named {@code .png} decodes as JPEG.
 *
 * <p>The methods are thread-safe; each call opens, reads and closes the file itself.
 */
public final class ImageDecoder {

    private static final Logger LOG = LoggerFactory.getLogger(ImageDecoder.class);

    /** The largest byte array the JVM allocates; larger files cannot be read into memory. */
    private static final long MAX_FILE_BYTES = Integer.MAX_VALUE - 8;

    private ImageDecoder() {}

    /**
     * Decodes with {@link DecodeOptions#defaults()}: EXIF orientation applied, strict, default pixel limit.
     *
     * @throws ImageDecodeException as {@link #decode(Path, DecodeOptions)} does
     */
    public static RgbImage decode(Path file) throws ImageDecodeException {
        return decode(file, DecodeOptions.defaults());
    }

    /**
     * Decodes a JPEG or PNG file into 8-bit RGB, turned upright when {@code options} ask for EXIF
     * orientation.
     *
     * @return the image; its size is the stored size, or width and height swapped for EXIF
     *     orientations 5 to 8 when orientation is applied
     * @throws ImageDecodeException with reason NOT_FOUND, READ_FAILED, EMPTY_FILE, NOT_AN_IMAGE,
     *     UNSUPPORTED_FORMAT, TRUNCATED, CORRUPT or TOO_MANY_PIXELS; in lenient mode a truncated or
     *     corrupt file still fails when OpenCV decodes nothing from it
     */
    public static RgbImage decode(Path file, DecodeOptions options) throws ImageDecodeException {
        ImageHeader header = ImageHeader.read(file);
        RgbImage stored = decodeStored(file, header, options);
        return options.applyExifOrientation() ? ExifOrientation.apply(stored, header.exifOrientation()) : stored;
    }

    /**
     * Decodes an image whose size is declared elsewhere, as in a COCO or VOC annotation, and uses that
     * size to decide about EXIF orientation. The orientation is applied when the upright size equals the
     * expected size, also when both sizes match as for a square image. It is left unapplied when only
     * the stored size matches. {@link DecodeOptions#applyExifOrientation()} is ignored.
     *
     * @param expectedWidth width in pixels that the caller's metadata declares
     * @param expectedHeight height in pixels that the caller's metadata declares
     * @throws ImageDecodeException with reason SIZE_MISMATCH, naming both sizes, when neither the
     *     stored nor the upright size matches; otherwise as {@link #decode(Path, DecodeOptions)}
     */
    public static RgbImage decodeForExpectedSize(Path file, DecodeOptions options, int expectedWidth, int expectedHeight)
            throws ImageDecodeException {
        ImageHeader header = ImageHeader.read(file);
        boolean uprightMatches = header.orientedWidth() == expectedWidth && header.orientedHeight() == expectedHeight;
        boolean storedMatches = header.width() == expectedWidth && header.height() == expectedHeight;
        if (!uprightMatches && !storedMatches) {
            throw new ImageDecodeException(file, ImageDecodeException.Reason.SIZE_MISMATCH,
                    "size mismatch: the image is " + describeSize(header) + ", but " + expectedWidth + "x"
                            + expectedHeight + " is expected");
        }

        RgbImage stored = decodeStored(file, header, options);
        return uprightMatches ? ExifOrientation.apply(stored, header.exifOrientation()) : stored;
    }

    private static RgbImage decodeStored(Path file, ImageHeader header, DecodeOptions options) throws ImageDecodeException {
        checkPixelLimit(file, header, options.maxPixels());
        byte[] bytes = readAllBytes(file);

        Optional<StructureCheck.Defect> defect = StructureCheck.findDefect(header.format(), bytes);
        if (defect.isPresent() && !options.lenient()) {
            throw toException(file, defect.get());
        }
        byte[] decodable = defect.isPresent() ? completedForLenientDecoding(header.format(), bytes) : bytes;

        Optional<RgbImage> decoded = OpenCvCodec.decode(decodable);
        if (decoded.isEmpty()) {
            throw defect.isPresent()
                    ? toException(file, defect.get())
                    : new ImageDecodeException(file, ImageDecodeException.Reason.CORRUPT, "corrupt "
                            + header.format().displayName() + ": OpenCV could not decode the image data");
        }
        RgbImage image = decoded.get();
        if (image.width() != header.width() || image.height() != header.height()) {
            throw new ImageDecodeException(file, ImageDecodeException.Reason.CORRUPT, "corrupt "
                    + header.format().displayName() + ": the header declares " + header.width() + "x" + header.height()
                    + " pixels, but the data decoded to " + image.width() + "x" + image.height());
        }
        defect.ifPresent(found -> LOG.warn("Loaded {} leniently although it is damaged: {}", file, found.problem()));
        return image;
    }

    private static void checkPixelLimit(Path file, ImageHeader header, long maxPixels) throws ImageDecodeException {
        if (header.pixelCount() > maxPixels) {
            throw new ImageDecodeException(file, ImageDecodeException.Reason.TOO_MANY_PIXELS,
                    "too many pixels: the header declares " + header.width() + "x" + header.height() + " = "
                            + header.pixelCount() + " pixels, more than the limit of " + maxPixels);
        }
    }

    /**
     * Appends an end-of-image marker to a JPEG that lacks one. libjpeg's own file reader does the same
     * when data runs out, which fills the missing blocks with mid grey (128); OpenCV's in-memory reader
     * stops instead and leaves the remaining rows undefined.
     */
    private static byte[] completedForLenientDecoding(ImageFormat format, byte[] bytes) {
        boolean endsWithEoi = bytes.length >= 2
                && (bytes[bytes.length - 2] & 0xFF) == 0xFF && (bytes[bytes.length - 1] & 0xFF) == JpegHeaderReader.EOI;
        if (format != ImageFormat.JPEG || endsWithEoi) {
            return bytes;
        }
        byte[] completed = Arrays.copyOf(bytes, bytes.length + 2);
        completed[bytes.length] = (byte) 0xFF;
        completed[bytes.length + 1] = (byte) JpegHeaderReader.EOI;
        return completed;
    }

    private static byte[] readAllBytes(Path file) throws ImageDecodeException {
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new ImageDecodeException(file, ImageDecodeException.Reason.READ_FAILED,
                        "the file has " + size + " bytes, more than the " + MAX_FILE_BYTES + " that can be read into memory");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw ImageDecodeException.fromIoFailure(file, e);
        }
    }

    private static ImageDecodeException toException(Path file, StructureCheck.Defect defect) {
        return new ImageDecodeException(file, defect.reason(), defect.problem());
    }

    private static String describeSize(ImageHeader header) {
        String stored = header.width() + "x" + header.height();
        if (header.exifOrientation() == 1) {
            return stored;
        }
        return stored + " as stored and " + header.orientedWidth() + "x" + header.orientedHeight()
                + " after EXIF orientation " + header.exifOrientation();
    }
}
