package org.backdrop.image;

import java.util.Arrays;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * Walks the whole structure of a JPEG or PNG file to find truncation and damage that OpenCV would
 * otherwise hide. For a truncated JPEG, libjpeg only prints a warning, and OpenCV returns the image
 * with the missing rows filled in or left undefined.
 *
 * <p>NOTE: a JPEG whose entropy-coded data is damaged without breaking its marker structure (flipped
 * bits inside a scan) passes this check; libjpeg then prints "Corrupt JPEG data" and OpenCV returns the
 * damaged pixels. OpenCV's Java API reports no libjpeg warnings, so that case stays undetected.
 */
final class StructureCheck {

    /** A fault found in a file's structure: the reason and a description without the file name. */
    record Defect(ImageDecodeException.Reason reason, String problem) {}

    private StructureCheck() {}

    /** Returns the first structural fault of {@code bytes}, a complete JPEG or PNG file, or empty. */
    static Optional<Defect> findDefect(ImageFormat format, byte[] bytes) {
        return switch (format) {
            case JPEG -> findJpegDefect(bytes);
            case PNG -> findPngDefect(bytes);
            default -> throw new IllegalArgumentException("no structure check for " + format);
        };
    }

    /**
     * Follows the segments from SOI to EOI, skipping each segment by its length and each scan's
     * entropy-coded data up to the next marker. Bytes after EOI are allowed, as some cameras append data.
     */
    private static Optional<Defect> findJpegDefect(byte[] bytes) {
        int length = bytes.length;
        int position = 2;
        while (position < length) {
            if ((bytes[position] & 0xFF) != 0xFF) {
                return Optional.of(corruptJpeg("expected a marker at byte " + position + ", found 0x"
                        + JpegHeaderReader.hex(bytes[position] & 0xFF)));
            }
            int markerOffset = position;
            while (position < length && (bytes[position] & 0xFF) == 0xFF) {
                position++;
            }
            if (position >= length) {
                break;
            }
            int marker = bytes[position] & 0xFF;
            position++;
            if (marker == JpegHeaderReader.EOI) {
                return Optional.empty();
            }
            if (JpegHeaderReader.isStandalone(marker)) {
                continue;
            }
            if (position + 2 > length) {
                break;
            }
            int segmentLength = ((bytes[position] & 0xFF) << 8) | (bytes[position + 1] & 0xFF);
            if (segmentLength < 2) {
                return Optional.of(corruptJpeg("segment 0xFF" + JpegHeaderReader.hex(marker) + " at byte "
                        + markerOffset + " has an invalid length of " + segmentLength));
            }
            position += segmentLength;
            if (marker == JpegHeaderReader.SOS) {
                position = endOfEntropyCodedData(bytes, position);
            }
        }
        return Optional.of(new Defect(ImageDecodeException.Reason.TRUNCATED,
                "truncated JPEG: the file ends after " + length + " bytes without the end-of-image marker (EOI)"));
    }

    /** Returns the offset of the first marker after a scan's data, or {@code bytes.length} if there is none. */
    private static int endOfEntropyCodedData(byte[] bytes, int start) {
        int position = start;
        while (position < bytes.length - 1) {
            if ((bytes[position] & 0xFF) != 0xFF) {
                position++;
                continue;
            }
            int next = bytes[position + 1] & 0xFF;
            boolean stuffedOrRestart = next == 0x00 || (next >= JpegHeaderReader.RST0 && next <= JpegHeaderReader.RST7);
            if (stuffedOrRestart) {
                position += 2;
            } else if (next == 0xFF) {
                position++;
            } else {
                return position;
            }
        }
        return bytes.length;
    }

    /** Checks every chunk's length and checksum (CRC), and that IDAT and IEND exist; {@link PngHeaderReader} checks IHDR. */
    private static Optional<Defect> findPngDefect(byte[] bytes) {
        int length = bytes.length;
        int position = PngHeaderReader.SIGNATURE_LENGTH;
        boolean imageDataSeen = false;
        while (position + 8 <= length) {
            long dataLength = PngHeaderReader.unsignedInt(bytes, position);
            String type = PngHeaderReader.chunkType(Arrays.copyOfRange(bytes, position + 4, position + 8));
            if (dataLength > PngHeaderReader.MAX_CHUNK_LENGTH) {
                return Optional.of(corruptPng("chunk \"" + PngHeaderReader.printable(type) + "\" at byte " + position
                        + " declares an invalid length of " + dataLength));
            }
            long chunkEnd = position + 12L + dataLength;
            if (chunkEnd > length) {
                return Optional.of(truncatedPng("chunk \"" + PngHeaderReader.printable(type) + "\" at byte " + position
                        + " needs " + (chunkEnd - position) + " bytes, but the file ends after " + length + " bytes"));
            }
            long storedCrc = PngHeaderReader.unsignedInt(bytes, position + 8 + (int) dataLength);
            if (storedCrc != chunkCrc(bytes, position, (int) dataLength)) {
                return Optional.of(corruptPng("the checksum (CRC) of chunk \"" + PngHeaderReader.printable(type)
                        + "\" at byte " + position + " is wrong"));
            }
            if (type.equals("IDAT")) {
                imageDataSeen = true;
            }
            if (type.equals("IEND")) {
                return imageDataSeen
                        ? Optional.empty()
                        : Optional.of(corruptPng("the image ends (IEND) before any image data chunk (IDAT)"));
            }
            position = (int) chunkEnd;
        }
        return Optional.of(truncatedPng("the file ends after " + length + " bytes without the image-end chunk (IEND)"));
    }

    /** Returns the CRC-32 of a chunk's type and data, which lie next to each other in the file. */
    private static long chunkCrc(byte[] bytes, int chunkOffset, int dataLength) {
        CRC32 crc = new CRC32();
        crc.update(bytes, chunkOffset + 4, 4 + dataLength);
        return crc.getValue();
    }

    private static Defect corruptJpeg(String problem) {
        return new Defect(ImageDecodeException.Reason.CORRUPT, "corrupt JPEG: " + problem);
    }

    private static Defect corruptPng(String problem) {
        return new Defect(ImageDecodeException.Reason.CORRUPT, "corrupt PNG: " + problem);
    }

    private static Defect truncatedPng(String problem) {
        return new Defect(ImageDecodeException.Reason.TRUNCATED, "truncated PNG: " + problem);
    }
}
