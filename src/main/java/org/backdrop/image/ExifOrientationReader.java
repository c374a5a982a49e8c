package org.backdrop.image;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the Orientation tag (0x0112) from the first image file directory (IFD0) of an EXIF block. The
 * block is a TIFF structure: a byte-order mark ("II" little-endian or "MM" big-endian), the number 42
 * and the offset of IFD0. IFD0 is an entry count followed by 12-byte entries of tag, type, count and value.
 */
final class ExifOrientationReader {

    /** Orientation 1: the stored pixels are already upright. */
    static final int UPRIGHT = 1;

    /** The 6 bytes that start a JPEG APP1 segment holding EXIF data. */
    static final byte[] EXIF_PREFIX = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);

    private static final int ORIENTATION_TAG = 0x0112;
    private static final int TYPE_SHORT = 3;
    private static final int TYPE_LONG = 4;
    private static final int ENTRY_SIZE = 12;

    private ExifOrientationReader() {}

    /**
     * Returns the orientation (1 to 8) stored in {@code tiff[offset, offset + length)}, or 1 when the
     * block has no Orientation tag, contains a value outside 1 to 8, or is malformed. A broken EXIF
     * block thus never makes an image unreadable.
     */
    static int read(byte[] tiff, int offset, int length) {
        TiffView view = TiffView.of(tiff, offset, length);
        if (view == null || view.unsignedShort(2) != 42) {
            return UPRIGHT;
        }
        long ifd0 = view.unsignedInt(4);
        if (ifd0 < 8 || ifd0 + 2 > length) {
            return UPRIGHT;
        }
        int entries = view.unsignedShort((int) ifd0);
        for (int i = 0; i < entries; i++) {
            int entry = (int) ifd0 + 2 + i * ENTRY_SIZE;
            if (entry + ENTRY_SIZE > length) {
                return UPRIGHT;
            }
            if (view.unsignedShort(entry) == ORIENTATION_TAG) {
                int type = view.unsignedShort(entry + 2);
                long value = switch (type) {
                    case TYPE_SHORT -> view.unsignedShort(entry + 8);
                    case TYPE_LONG -> view.unsignedInt(entry + 8);
                    default -> UPRIGHT;
                };
                return value >= 1 && value <= 8 ? (int) value : UPRIGHT;
            }
        }
        return UPRIGHT;
    }

    /** Returns whether {@code bytes} starts with {@link #EXIF_PREFIX}. */
    static boolean hasExifPrefix(byte[] bytes) {
        return bytes.length >= EXIF_PREFIX.length
                && Arrays.equals(bytes, 0, EXIF_PREFIX.length, EXIF_PREFIX, 0, EXIF_PREFIX.length);
    }

    /** Reads numbers in the block's own byte order. */
    private record TiffView(byte[] bytes, int offset, boolean littleEndian) {

        static TiffView of(byte[] bytes, int offset, int length) {
            if (length < 8) {
                return null;
            }
            if (bytes[offset] == 'I' && bytes[offset + 1] == 'I') {
                return new TiffView(bytes, offset, true);
            }
            if (bytes[offset] == 'M' && bytes[offset + 1] == 'M') {
                return new TiffView(bytes, offset, false);
            }
            return null;
        }

        int unsignedShort(int at) {
            int first = bytes[offset + at] & 0xFF;
            int second = bytes[offset + at + 1] & 0xFF;
            return littleEndian ? first | second << 8 : first << 8 | second;
        }

        long unsignedInt(int at) {
            long first = unsignedShort(at);
            long second = unsignedShort(at + 2);
            return littleEndian ? first | second << 16 : first << 16 | second;
        }
    }
}
