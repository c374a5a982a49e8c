package org.backdrop.image;

import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.CRC32;

/**
 * Reads a PNG file's chunks from the IHDR header chunk up to the first IDAT image data chunk: IHDR
 * for the size and an eXIf chunk, where present, for the orientation. The image data is never read.
 */
final class PngHeaderReader {

    static final int SIGNATURE_LENGTH = 8;
    static final long MAX_CHUNK_LENGTH = Integer.MAX_VALUE;

    private static final int IHDR_LENGTH = 13;
    private static final int MAX_EXIF_LENGTH = 1 << 20;

    private PngHeaderReader() {}

    /**
     * Reads the header from {@code in}, positioned just after the 8-byte signature.
     *
     * @throws ImageDecodeException if the header is truncated or malformed, or IHDR's checksum is wrong
     */
    static ImageHeader read(Path file, HeaderInput in) throws ImageDecodeException, IOException {
        try {
            long length = in.readUnsignedInt();
            String type = chunkType(in.readBytes(4));
            if (!type.equals("IHDR") || length != IHDR_LENGTH) {
                throw corrupt(file, "the first chunk must be IHDR with 13 bytes, but it is \"" + printable(type)
                        + "\" with " + length + " bytes");
            }
            byte[] ihdr = in.readBytes(IHDR_LENGTH);
            long storedCrc = in.readUnsignedInt();
            if (storedCrc != crc("IHDR", ihdr)) {
                throw corrupt(file, "the checksum (CRC) of the IHDR header chunk is wrong");
            }
            long width = unsignedInt(ihdr, 0);
            long height = unsignedInt(ihdr, 4);
            checkHeader(file, width, height, ihdr[8] & 0xFF, ihdr[9] & 0xFF);

            int orientation = readOrientationBeforeImageData(file, in);
            return new ImageHeader((int) width, (int) height, ImageFormat.PNG, orientation);
        } catch (EOFException e) {
            throw new ImageDecodeException(file, ImageDecodeException.Reason.TRUNCATED,
                    "truncated PNG: the file ends at byte " + in.position() + ", before its first image data chunk (IDAT)", e);
        }
    }

    private static int readOrientationBeforeImageData(Path file, HeaderInput in) throws ImageDecodeException, IOException {
        int orientation = ExifOrientationReader.UPRIGHT;
        while (true) {
            long chunkOffset = in.position();
            long length = in.readUnsignedInt();
            String type = chunkType(in.readBytes(4));
            if (length > MAX_CHUNK_LENGTH) {
                throw corrupt(file, "chunk \"" + printable(type) + "\" at byte " + chunkOffset + " declares an invalid length of " + length);
            }
            if (type.equals("IDAT")) {
                return orientation;
            }
            if (type.equals("IEND")) {
                throw corrupt(file, "the image ends (IEND) before any image data chunk (IDAT)");
            }
            if (type.equals("eXIf") && length <= MAX_EXIF_LENGTH) {
                byte[] exif = in.readBytes((int) length);
                in.skip(4);
                // The PNG specification stores the TIFF block directly; some writers keep JPEG's "Exif" prefix.
                int start = ExifOrientationReader.hasExifPrefix(exif) ? ExifOrientationReader.EXIF_PREFIX.length : 0;
                orientation = ExifOrientationReader.read(exif, start, exif.length - start);
            } else {
                in.skip(length + 4);
            }
        }
    }

    private static void checkHeader(Path file, long width, long height, int bitDepth, int colourType)
            throws ImageDecodeException {
        if (width < 1 || height < 1 || width > MAX_CHUNK_LENGTH || height > MAX_CHUNK_LENGTH) {
            throw corrupt(file, "IHDR declares an invalid size of " + width + "x" + height);
        }
        boolean valid = switch (colourType) {
            case 0 -> bitDepth == 1 || bitDepth == 2 || bitDepth == 4 || bitDepth == 8 || bitDepth == 16;
            case 3 -> bitDepth == 1 || bitDepth == 2 || bitDepth == 4 || bitDepth == 8;
            case 2, 4, 6 -> bitDepth == 8 || bitDepth == 16;
            default -> false;
        };
        if (!valid) {
            throw corrupt(file, "IHDR declares colour type " + colourType + " with bit depth " + bitDepth
                    + ", a combination the PNG specification does not allow");
        }
    }

    static String chunkType(byte[] type) {
        return new String(type, StandardCharsets.ISO_8859_1);
    }

    static long crc(String type, byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(type.getBytes(StandardCharsets.ISO_8859_1));
        crc.update(data);
        return crc.getValue();
    }

    static long unsignedInt(byte[] bytes, int at) {
        return ((bytes[at] & 0xFFL) << 24) | ((bytes[at + 1] & 0xFFL) << 16) | ((bytes[at + 2] & 0xFFL) << 8) | (bytes[at + 3] & 0xFFL);
    }

    /** Returns the chunk type with bytes outside printable ASCII shown as {@code [XX]}. */
    static String printable(String type) {
        StringBuilder text = new StringBuilder();
        for (char c : type.toCharArray()) {
            if (c >= 0x20 && c < 0x7F) {
                text.append(c);
            } else {
                text.append('[').append(String.format("%02X", (int) c)).append(']');
            }
        }
        return text.toString();
    }

    private static ImageDecodeException corrupt(Path file, String problem) {
        return new ImageDecodeException(file, ImageDecodeException.Reason.CORRUPT, "corrupt PNG: " + problem);
    }
}
