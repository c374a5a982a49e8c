package org.backdrop.background;

import org.backdrop.image.RgbImage;

/**
 * A background of one colour: {@code red} (255, 0, 0), {@code green} (0, 255, 0), {@code blue}
 * (0, 0, 255), {@code black}, {@code white} or any {@code #rrggbb}. ImageNet-9's Only-FG
 * ({@code only-fg}) is the object on black, so it is this class with black and its own name.
 */
public final class SolidColorBackground implements Background {

    private final String name;
    private final byte red;
    private final byte green;
    private final byte blue;
    /** The last image rendered, reused while samples keep the same size; never changed once made. */
    private volatile RgbImage lastRendered;

    /**
     * Creates the background; channel values are 0..255.
     *
     * @throws IllegalArgumentException if a channel is outside 0..255
     */
    public SolidColorBackground(String name, int red, int green, int blue) {
        this.name = name;
        this.red = channel(red, "red");
        this.green = channel(green, "green");
        this.blue = channel(blue, "blue");
    }

    /**
     * Parses {@code #rrggbb} (hexadecimal, either case).
     *
     * @throws IllegalArgumentException if {@code hex} is not {@code #} followed by six hex digits
     */
    public static SolidColorBackground ofHex(String hex) {
        if (!hex.matches("#[0-9a-fA-F]{6}")) {
            throw new IllegalArgumentException(
                    "invalid colour '" + hex + "': write # and six hexadecimal digits, for example #808080");
        }
        int value = Integer.parseInt(hex.substring(1), 16);
        return new SolidColorBackground(hex.toLowerCase(java.util.Locale.ROOT), value >> 16, (value >> 8) & 0xFF, value & 0xFF);
    }

    @Override
    public String name() {
        return name;
    }

    /** Returns the colour as red, green and blue values 0..255. */
    public int[] rgb() {
        return new int[] {red & 0xFF, green & 0xFF, blue & 0xFF};
    }

    /** Returns an image shared between requests of the same size; callers must not change it. */
    @Override
    public RgbImage render(BackgroundRequest request) {
        RgbImage last = lastRendered;
        if (last != null && last.width() == request.width() && last.height() == request.height()) {
            return last;
        }
        RgbImage filled = fill(request.width(), request.height());
        lastRendered = filled;
        return filled;
    }

    /** Returns a new image of the given size in this colour. */
    public RgbImage fill(int width, int height) {
        byte[] pixels = new byte[width * height * 3];
        for (int offset = 0; offset < pixels.length; offset += 3) {
            pixels[offset] = red;
            pixels[offset + 1] = green;
            pixels[offset + 2] = blue;
        }
        return new RgbImage(width, height, pixels);
    }

    private static byte channel(int value, String channel) {
        if (value < 0 || value > 255) {
            throw new IllegalArgumentException(channel + " must be 0..255, got " + value);
        }
        return (byte) value;
    }
}
