package org.backdrop.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/**
 * Small images made with javax.imageio and by hand, so that the decoder's tests run in a fresh clone
 * without the shared fixtures.
 */
final class GeneratedImages {

    private GeneratedImages() {}

    /** Returns an RGB image whose left half is {@code left} and right half is {@code right}. */
    static BufferedImage halves(int width, int height, Color left, Color right) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(left);
        graphics.fillRect(0, 0, width / 2, height);
        graphics.setColor(right);
        graphics.fillRect(width / 2, 0, width - width / 2, height);
        graphics.dispose();
        return image;
    }

    /** Returns the image encoded by ImageIO in {@code format} ("png", "jpg", "bmp", "gif"). */
    static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("ImageIO has no writer for " + format + " and image type " + image.getType());
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns a JPEG with an APP1 EXIF segment, holding only the Orientation tag, inserted after SOI. */
    static byte[] withExifOrientation(byte[] jpeg, int orientation, boolean littleEndian) {
        byte[] tiff = tiffWithOrientation(orientation, littleEndian);
        byte[] prefix = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
        int segmentLength = 2 + prefix.length + tiff.length;
        ByteBuffer segment = ByteBuffer.allocate(2 + segmentLength);
        segment.put((byte) 0xFF).put((byte) 0xE1).putShort((short) segmentLength).put(prefix).put(tiff);
        return insert(jpeg, 2, segment.array());
    }

    /** Returns a PNG with an eXIf chunk, holding only the Orientation tag, inserted after IHDR. */
    static byte[] withExifChunk(byte[] png, int orientation) {
        int afterHeader = 8 + 12 + 13;
        return insert(png, afterHeader, chunk("eXIf", tiffWithOrientation(orientation, false)));
    }

    /** Returns a TIFF block (EXIF) whose IFD0 has one entry: Orientation, type SHORT. */
    static byte[] tiffWithOrientation(int orientation, boolean littleEndian) {
        ByteBuffer tiff = ByteBuffer.allocate(26);
        tiff.order(littleEndian ? java.nio.ByteOrder.LITTLE_ENDIAN : java.nio.ByteOrder.BIG_ENDIAN);
        tiff.put(littleEndian ? (byte) 'I' : (byte) 'M').put(littleEndian ? (byte) 'I' : (byte) 'M');
        tiff.putShort((short) 42).putInt(8);
        tiff.putShort((short) 1);
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putInt(0);
        return tiff.array();
    }

    /** Returns a PNG of signature, IHDR (8-bit RGB), one empty IDAT and IEND: a valid header, no pixels. */
    static byte[] pngHeaderOnly(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(13);
        ihdr.putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
        return concat(signature, chunk("IHDR", ihdr.array()), chunk("IDAT", new byte[0]), chunk("IEND", new byte[0]));
    }

    /** Returns a JPEG of SOI, an 8-bit baseline frame header (SOF0) with 3 components, and EOI. */
    static byte[] jpegHeaderOnly(int width, int height) {
        ByteBuffer jpeg = ByteBuffer.allocate(2 + 2 + 17 + 2 + 2 + 2);
        jpeg.put((byte) 0xFF).put((byte) 0xD8);
        jpeg.put((byte) 0xFF).put((byte) 0xC0).putShort((short) 17).put((byte) 8)
                .putShort((short) height).putShort((short) width).put((byte) 3);
        for (int component = 1; component <= 3; component++) {
            jpeg.put((byte) component).put((byte) 0x11).put((byte) 0);
        }
        // A scan header with no components is enough for a header reader, which stops at SOS.
        jpeg.put((byte) 0xFF).put((byte) 0xDA).putShort((short) 2);
        jpeg.put((byte) 0xFF).put((byte) 0xD9);
        return jpeg.array();
    }

    /** Returns a PNG chunk: length, type, data and the CRC-32 of type and data. */
    static byte[] chunk(String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.ISO_8859_1);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length)
                .putInt(data.length).put(typeBytes).put(data).putInt((int) crc.getValue()).array();
    }

    /** Returns the offset of the first chunk of {@code type} in a PNG. */
    static int chunkOffset(byte[] png, String type) {
        int position = 8;
        while (position + 8 <= png.length) {
            String found = new String(png, position + 4, 4, StandardCharsets.ISO_8859_1);
            if (found.equals(type)) {
                return position;
            }
            position += 12 + ByteBuffer.wrap(png, position, 4).getInt();
        }
        throw new IllegalArgumentException("no " + type + " chunk in the PNG");
    }

    static byte[] insert(byte[] bytes, int at, byte[] inserted) {
        return concat(Arrays.copyOfRange(bytes, 0, at), inserted, Arrays.copyOfRange(bytes, at, bytes.length));
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
