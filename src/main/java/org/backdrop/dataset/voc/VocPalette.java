package org.backdrop.dataset.voc;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * The VOC devkit's colour map and palette PNG encoding. Colour i spreads the bits of i over the
 * channels, from the most significant bit of each channel down. Bits 0, 1 and 2 of i set bit 7 of
 * red, green and blue, bits 3 to 5 set bit 6, and so on. Index 15 is (192, 128, 128) and index 255
 * (void) is (224, 224, 192).
 */
public final class VocPalette {

    private VocPalette() {}

    /** Returns the red, green and blue value (0 to 255) of palette index {@code index}. */
    public static int[] colour(int index) {
        int red = 0;
        int green = 0;
        int blue = 0;
        int bits = index;
        for (int shift = 7; shift >= 0; shift--) {
            red |= (bits & 1) << shift;
            green |= ((bits >> 1) & 1) << shift;
            blue |= ((bits >> 2) & 1) << shift;
            bits >>= 3;
        }
        return new int[] {red, green, blue};
    }

    /** Encodes {@code mask} as an 8-bit palette PNG with the VOC colour map. */
    public static byte[] encodePng(IndexedMask mask) throws IOException {
        byte[] reds = new byte[256];
        byte[] greens = new byte[256];
        byte[] blues = new byte[256];
        for (int i = 0; i < 256; i++) {
            int[] rgb = colour(i);
            reds[i] = (byte) rgb[0];
            greens[i] = (byte) rgb[1];
            blues[i] = (byte) rgb[2];
        }
        IndexColorModel palette = new IndexColorModel(8, 256, reds, greens, blues);
        BufferedImage image = new BufferedImage(mask.width(), mask.height(), BufferedImage.TYPE_BYTE_INDEXED, palette);
        byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        System.arraycopy(mask.values(), 0, pixels, 0, pixels.length);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", png)) {
            throw new IOException("no PNG writer available in javax.imageio");
        }
        return png.toByteArray();
    }
}
