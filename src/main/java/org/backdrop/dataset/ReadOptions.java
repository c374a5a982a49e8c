package org.backdrop.dataset;

/**
 * Options for reading a dataset.
 *
 * @param maxPixels images whose header declares more pixels than this are invalid before decoding
 */
public record ReadOptions(long maxPixels) {

    /** 16,384 × 16,384 pixels: larger than any image in the common datasets, small enough to decode. */
    public static final long DEFAULT_MAX_PIXELS = 16_384L * 16_384L;

    public static ReadOptions defaults() {
        return new ReadOptions(DEFAULT_MAX_PIXELS);
    }
}
