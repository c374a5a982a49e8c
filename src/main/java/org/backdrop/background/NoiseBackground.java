package org.backdrop.background;

import java.util.Locale;
import org.backdrop.image.RgbImage;

/**
 * Random noise, seeded per sample and variant so the same run gives the same pixels.
 *
 * <ul>
 *   <li>{@code noise-bw}: each pixel black (0, 0, 0) or white (255, 255, 255) with probability 1/2.
 *   <li>{@code noise-uniform}: each channel of each pixel uniform in 0..255.
 *   <li>{@code noise-gaussian}: each channel {@code mean + std * z} with {@code z} standard normal,
 *       rounded half up and clamped to 0..255; by default mean 127.5 and standard deviation 50, so about
 *       1% of the draws (|z| > 2.56) are clamped to 0 or 255.
 * </ul>
 */
public final class NoiseBackground implements Background {

    /** The default mean of {@code noise-gaussian}, in 0..255 channel units. */
    public static final double DEFAULT_MEAN = 127.5;
    /** The default standard deviation of {@code noise-gaussian}, in 0..255 channel units. */
    public static final double DEFAULT_STD = 50;

    /** The kind of noise. */
    public enum Kind {
        /** Black or white pixels. */
        BLACK_AND_WHITE,
        /** Uniform channels. */
        UNIFORM,
        /** Gaussian channels. */
        GAUSSIAN
    }

    private final Kind kind;
    private final double mean;
    private final double std;

    private NoiseBackground(Kind kind, double mean, double std) {
        this.kind = kind;
        this.mean = mean;
        this.std = std;
    }

    /** Returns black-and-white noise. */
    public static NoiseBackground blackAndWhite() {
        return new NoiseBackground(Kind.BLACK_AND_WHITE, 0, 0);
    }

    /** Returns uniform RGB noise. */
    public static NoiseBackground uniform() {
        return new NoiseBackground(Kind.UNIFORM, 0, 0);
    }

    /**
     * Returns Gaussian noise with the given mean and standard deviation in 0..255 channel units.
     *
     * @throws IllegalArgumentException if the mean is outside 0..255 or the deviation is negative or
     *     not finite
     */
    public static NoiseBackground gaussian(double mean, double std) {
        if (!(mean >= 0 && mean <= 255)) {
            throw new IllegalArgumentException("noise-gaussian mean must be in 0..255, got " + mean);
        }
        if (!(std >= 0) || Double.isInfinite(std)) {
            throw new IllegalArgumentException("noise-gaussian standard deviation must be finite and 0 or more, got " + std);
        }
        return new NoiseBackground(Kind.GAUSSIAN, mean, std);
    }

    /** Returns the kind of noise. */
    public Kind kind() {
        return kind;
    }

    @Override
    public String name() {
        return switch (kind) {
            case BLACK_AND_WHITE -> "noise-bw";
            case UNIFORM -> "noise-uniform";
            case GAUSSIAN -> String.format(Locale.ROOT, "noise-gaussian=%s,%s", number(mean), number(std));
        };
    }

    @Override
    public RgbImage render(BackgroundRequest request) {
        SplitMix64 random = request.random();
        byte[] pixels = new byte[request.width() * request.height() * 3];
        switch (kind) {
            case BLACK_AND_WHITE -> fillBlackAndWhite(pixels, random);
            case UNIFORM -> fillUniform(pixels, random);
            case GAUSSIAN -> fillGaussian(pixels, random);
        }
        return new RgbImage(request.width(), request.height(), pixels);
    }

    /** Uses one bit per pixel, 64 pixels per draw, lowest bit first. */
    private static void fillBlackAndWhite(byte[] pixels, SplitMix64 random) {
        long bits = 0;
        for (int pixel = 0; pixel < pixels.length / 3; pixel++) {
            if (pixel % 64 == 0) {
                bits = random.nextLong();
            }
            byte value = (bits & 1) != 0 ? (byte) 255 : 0;
            bits >>>= 1;
            int offset = pixel * 3;
            pixels[offset] = value;
            pixels[offset + 1] = value;
            pixels[offset + 2] = value;
        }
    }

    /** Uses one byte per channel, eight channels per draw, lowest byte first. */
    private static void fillUniform(byte[] pixels, SplitMix64 random) {
        long bits = 0;
        for (int i = 0; i < pixels.length; i++) {
            if (i % 8 == 0) {
                bits = random.nextLong();
            }
            pixels[i] = (byte) bits;
            bits >>>= 8;
        }
    }

    private void fillGaussian(byte[] pixels, SplitMix64 random) {
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) Compositor.roundHalfUp(mean + std * random.nextGaussian());
        }
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
