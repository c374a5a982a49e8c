package org.backdrop.image;

/**
 * Options for {@link ImageDecoder}.
 *
 * @param applyExifOrientation whether to turn the pixels upright as the EXIF Orientation tag specifies
 *     (a phone photo stored sideways with tag 6 then decodes in its upright size)
 * @param lenient whether to load what decodes from a truncated or damaged file instead of rejecting
 *     it. The missing part of a truncated JPEG is then mid grey (128, 128, 128).
 * @param maxPixels images whose header declares more pixels (width × height) than this are rejected
 *     before any pixel is decoded; between 1 and {@link #MAX_SUPPORTED_PIXELS}
 */
public record DecodeOptions(boolean applyExifOrientation, boolean lenient, long maxPixels) {

    /** 16,384 × 16,384 pixels: larger than any image in the common datasets, small enough to decode. */
    public static final long DEFAULT_MAX_PIXELS = 16_384L * 16_384L;

    /** The maximum number of pixels an {@link RgbImage} can contain, because its byte array has 3 bytes per pixel. */
    public static final long MAX_SUPPORTED_PIXELS = Integer.MAX_VALUE / 3;

    /**
     * Checks the pixel limit.
     *
     * @throws IllegalArgumentException if {@code maxPixels} is below 1 or above {@link #MAX_SUPPORTED_PIXELS}
     */
    public DecodeOptions {
        if (maxPixels < 1 || maxPixels > MAX_SUPPORTED_PIXELS) {
            throw new IllegalArgumentException("invalid maxPixels " + maxPixels + ": must be between 1 and "
                    + MAX_SUPPORTED_PIXELS + " (the most pixels an 8-bit RGB byte array can hold)");
        }
    }

    /** Returns the defaults: apply EXIF orientation, strict, at most {@link #DEFAULT_MAX_PIXELS}. */
    public static DecodeOptions defaults() {
        return new DecodeOptions(true, false, DEFAULT_MAX_PIXELS);
    }

    /** Returns a copy with {@code applyExifOrientation} set. */
    public DecodeOptions withApplyExifOrientation(boolean apply) {
        return new DecodeOptions(apply, lenient, maxPixels);
    }

    /** Returns a copy with {@code lenient} set. */
    public DecodeOptions withLenient(boolean lenientDecoding) {
        return new DecodeOptions(applyExifOrientation, lenientDecoding, maxPixels);
    }

    /**
     * Returns a copy with another pixel limit.
     *
     * @throws IllegalArgumentException if the limit is out of range (see the record's description)
     */
    public DecodeOptions withMaxPixels(long limit) {
        return new DecodeOptions(applyExifOrientation, lenient, limit);
    }
}
