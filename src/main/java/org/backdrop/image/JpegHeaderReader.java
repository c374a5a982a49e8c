package org.backdrop.image;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads a JPEG file's segments from the start-of-image marker up to the first start-of-scan marker:
 * the frame header (SOFn) for the size and the APP1 "Exif" segment for the orientation. The
 * compressed pixel data after the first scan header is never read.
 */
final class JpegHeaderReader {

    static final int SOI = 0xD8;
    static final int EOI = 0xD9;
    static final int SOS = 0xDA;
    static final int TEM = 0x01;
    static final int RST0 = 0xD0;
    static final int RST7 = 0xD7;

    private static final int APP1 = 0xE1;

    private JpegHeaderReader() {}

    /** Returns whether {@code marker} is a standalone marker, with no length field and no payload. */
    static boolean isStandalone(int marker) {
        return marker == TEM || (marker >= RST0 && marker <= RST7) || marker == SOI || marker == EOI;
    }

    /**
     * Reads the header from {@code in}, positioned just after the SOI marker.
     *
     * @throws ImageDecodeException if the header is truncated, malformed or uses a JPEG process or
     *     sample precision that the decoder does not support
     */
    static ImageHeader read(Path file, HeaderInput in) throws ImageDecodeException, IOException {
        int frameMarker = -1;
        int width = 0;
        int height = 0;
        int components = 0;
        int orientation = ExifOrientationReader.UPRIGHT;
        boolean exifSeen = false;
        try {
            while (true) {
                long markerOffset = in.position();
                if (in.readUnsignedByte() != 0xFF) {
                    throw corrupt(file, "expected a marker at byte " + markerOffset + " of the header");
                }
                int marker = in.readUnsignedByte();
                while (marker == 0xFF) {
                    marker = in.readUnsignedByte();
                }
                if (marker == SOS) {
                    break;
                }
                if (marker == EOI || marker == SOI) {
                    throw corrupt(file, "unexpected marker 0xFF" + hex(marker) + " at byte " + markerOffset
                            + ", before the first scan");
                }
                if (isStandalone(marker)) {
                    continue;
                }
                int length = in.readUnsignedShort();
                if (length < 2) {
                    throw corrupt(file, "segment 0xFF" + hex(marker) + " at byte " + markerOffset
                            + " has an invalid length of " + length);
                }
                int payloadLength = length - 2;
                if (isFrameHeader(marker)) {
                    if (frameMarker >= 0) {
                        throw corrupt(file, "a second frame header (SOF) at byte " + markerOffset);
                    }
                    if (payloadLength < 6) {
                        throw corrupt(file, "frame header at byte " + markerOffset + " is too short");
                    }
                    frameMarker = marker;
                    int precision = in.readUnsignedByte();
                    height = in.readUnsignedShort();
                    width = in.readUnsignedShort();
                    components = in.readUnsignedByte();
                    in.skip(payloadLength - 6L);
                    checkFrame(file, marker, precision, width, height, components);
                } else if (marker == APP1 && !exifSeen) {
                    byte[] payload = in.readBytes(payloadLength);
                    if (ExifOrientationReader.hasExifPrefix(payload)) {
                        exifSeen = true;
                        orientation = ExifOrientationReader.read(
                                payload, ExifOrientationReader.EXIF_PREFIX.length, payload.length - ExifOrientationReader.EXIF_PREFIX.length);
                    }
                } else {
                    in.skip(payloadLength);
                }
            }
        } catch (EOFException e) {
            throw new ImageDecodeException(file, ImageDecodeException.Reason.TRUNCATED,
                    "truncated JPEG: the file ends inside its header, at byte " + in.position() + ", before any image data", e);
        }
        if (frameMarker < 0) {
            throw corrupt(file, "no frame header (SOF) before the first scan");
        }
        return new ImageHeader(width, height, ImageFormat.JPEG, orientation);
    }

    private static void checkFrame(Path file, int marker, int precision, int width, int height, int components)
            throws ImageDecodeException {
        // libjpeg-turbo 2.1, which OpenCV 4.9 bundles, decodes 8-bit baseline, extended, progressive and
        // arithmetic-coded JPEG; lossless and hierarchical processes and 12-bit samples fail in it.
        boolean supportedProcess = marker == 0xC0 || marker == 0xC1 || marker == 0xC2 || marker == 0xC9 || marker == 0xCA;
        if (!supportedProcess) {
            throw unsupported(file, "the lossless or hierarchical process (marker 0xFF" + hex(marker) + ")");
        }
        if (precision != 8) {
            throw unsupported(file, precision + "-bit samples, and only 8-bit samples are supported");
        }
        if (components != 1 && components != 3 && components != 4) {
            throw unsupported(file, components
                    + " colour components, and only 1 (grayscale), 3 (YCbCr or RGB) or 4 (CMYK or YCCK) are supported");
        }
        if (height == 0) {
            throw unsupported(file, "the height is declared later in a DNL marker");
        }
        if (width == 0) {
            throw corrupt(file, "the frame header declares a width of 0");
        }
    }

    private static boolean isFrameHeader(int marker) {
        // SOF0 to SOF15, except DHT (0xC4), JPG (0xC8) and DAC (0xCC), which share the range.
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    static String hex(int marker) {
        return String.format("%02X", marker);
    }

    private static ImageDecodeException corrupt(Path file, String problem) {
        return new ImageDecodeException(file, ImageDecodeException.Reason.CORRUPT, "corrupt JPEG: " + problem);
    }

    private static ImageDecodeException unsupported(Path file, String problem) {
        return new ImageDecodeException(file, ImageDecodeException.Reason.UNSUPPORTED_FORMAT, "unsupported JPEG: " + problem);
    }
}
