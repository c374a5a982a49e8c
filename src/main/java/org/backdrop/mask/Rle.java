package org.backdrop.mask;

import java.util.Arrays;
import java.util.List;

/**
 * A binary mask in COCO's run-length encoding: pixels in column-major order (down each column, then
 * the next column), runs alternating between background and foreground and starting with background,
 * so a mask whose first pixel is foreground starts with a run of length 0.
 *
 * <p>Instances are immutable; {@link #counts()} returns a copy.
 */
public final class Rle {

    private final int height;
    private final int width;
    private final int[] counts;

    /**
     * Creates a mask from its runs.
     *
     * @throws IllegalArgumentException if a size or count is negative or the counts do not sum to
     *     {@code height * width}
     */
    public Rle(int height, int width, int[] counts) {
        if (height < 0 || width < 0) {
            throw new IllegalArgumentException("invalid RLE size " + height + "x" + width + ": height and width must not be negative");
        }
        long sum = 0;
        for (int count : counts) {
            if (count < 0) {
                throw new IllegalArgumentException("invalid RLE: negative count " + count);
            }
            sum += count;
        }
        if (sum != (long) height * width) {
            throw new IllegalArgumentException(
                    "invalid RLE: counts sum to " + sum + " but height x width is " + height + " x " + width + " = " + (long) height * width);
        }
        this.height = height;
        this.width = width;
        this.counts = counts.clone();
    }

    /**
     * Encodes a row-major mask ({@code mask[y * width + x]}, any non-zero byte is foreground).
     *
     * @throws IllegalArgumentException if {@code mask.length != width * height}
     */
    public static Rle fromRowMajor(byte[] mask, int width, int height) {
        if (mask.length != (long) width * height) {
            throw new IllegalArgumentException("mask of " + width + "x" + height + " needs " + (long) width * height + " bytes, got " + mask.length);
        }
        int[] runs = new int[Math.max(1, width * height + 1)];
        int runCount = 0;
        int current = 0;
        boolean foreground = false;
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                boolean pixel = mask[y * width + x] != 0;
                if (pixel != foreground) {
                    runs[runCount++] = current;
                    current = 0;
                    foreground = pixel;
                }
                current++;
            }
        }
        runs[runCount++] = current;
        return new Rle(height, width, java.util.Arrays.copyOf(runs, runCount));
    }

    /**
     * Decodes COCO's compressed counts string, the form pycocotools writes for {@code counts} (see
     * {@code rleFrString} in {@code maskApi.c}). The string is the decoded JSON text, so a backslash in
     * it is one character.
     *
     * @param counts the compressed counts, characters {@code '0'} to {@code 'o'}
     * @param height the mask height in pixels
     * @param width the mask width in pixels
     * @throws IllegalArgumentException if the string is malformed, or its runs do not sum to
     *     {@code height * width}
     */
    public static Rle fromCompressedString(String counts, int height, int width) {
        int[] runs = CompressedCounts.decode(counts);
        long sum = 0;
        for (int run : runs) {
            sum += run;
        }
        if (height < 0 || width < 0 || sum != (long) height * width) {
            throw new IllegalArgumentException("invalid compressed RLE counts: the runs sum to " + sum + " pixels, but the size "
                    + height + "x" + width + " (height x width) has " + (long) height * width
                    + "; check that the counts string belongs to this size");
        }
        return new Rle(height, width, runs);
    }

    /**
     * Encodes the runs as COCO's compressed counts string, the form pycocotools writes (see
     * {@code rleToString} in {@code maskApi.c}). The string may contain a backslash, which a JSON
     * writer must escape.
     */
    public String toCompressedString() {
        return CompressedCounts.encode(counts);
    }

    /** Decodes to a row-major mask ({@code mask[y * width + x]}) of 0 and 1. */
    public byte[] toRowMajor() {
        byte[] mask = new byte[width * height];
        long position = 0;
        for (int i = 0; i < counts.length; i++) {
            if (i % 2 == 1 && counts[i] > 0) {
                // One division per run; then walk down the column and wrap to the next one.
                int x = (int) (position / height);
                int y = (int) (position % height);
                for (int k = 0; k < counts[i]; k++) {
                    mask[y * width + x] = 1;
                    if (++y == height) {
                        y = 0;
                        x++;
                    }
                }
            }
            position += counts[i];
        }
        return mask;
    }

    /** Returns the number of foreground pixels. */
    public long area() {
        long area = 0;
        for (int i = 1; i < counts.length; i += 2) {
            area += counts[i];
        }
        return area;
    }

    /**
     * Computes the bounding box of the foreground as COCO's {@code [x, y, width, height]} in pixels,
     * the same numbers as {@code rleToBbox} in pycocotools' {@code maskApi.c}. The box covers whole
     * pixels, so a single foreground pixel at column 3, row 5 gives {@code [3, 5, 1, 1]}.
     *
     * <p>A mask without foreground runs (fewer than two counts) and a mask of zero height or width
     * give {@code [0, 0, 0, 0]}. Like the C code, the method reads only whole background/foreground
     * pairs of runs, so a foreground run of length 0 still counts as a position. Masks from this
     * package's encoders never contain one.
     */
    public double[] toBbox() {
        int pairedRuns = counts.length / 2 * 2;
        if (pairedRuns == 0 || height == 0 || width == 0) {
            return new double[4];
        }
        long minX = width;
        long minY = height;
        long maxX = 0;
        long maxY = 0;
        long end = 0;
        long runStartX = 0;
        for (int j = 0; j < pairedRuns; j++) {
            end += counts[j];
            // Even j: the first pixel of a foreground run. Odd j: the last pixel of that run.
            // The C code computes this in 32-bit unsigned arithmetic, so 0 - 1 wraps around.
            long pixel = (end - j % 2) & 0xFFFFFFFFL;
            long y = pixel % height;
            long x = (pixel - y) / height;
            if (j % 2 == 0) {
                runStartX = x;
            } else if (runStartX < x) {
                // The run wraps from the bottom of one column to the top of a later one.
                minY = 0;
                maxY = height - 1;
            }
            minX = Math.min(minX, x);
            maxX = Math.max(maxX, x);
            minY = Math.min(minY, y);
            maxY = Math.max(maxY, y);
        }
        return new double[] {minX, minY, maxX - minX + 1, maxY - minY + 1};
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    /** Returns a copy of the runs. */
    public int[] counts() {
        return counts.clone();
    }

    /** Returns the number of runs without copying them. */
    public int runCount() {
        return counts.length;
    }

    /** Returns run {@code index} without copying the runs. */
    public int run(int index) {
        return counts[index];
    }

    /** Returns the runs themselves, for this package's loops; callers must not modify the array. */
    int[] runsView() {
        return counts;
    }

    /**
     * Merges masks of one size into their union or intersection, as {@code rleMerge} in pycocotools'
     * {@code maskApi.c}. The result is the same whatever the order of the masks, and a list of one mask
     * returns that mask.
     *
     * @param masks the masks, at least one, all of the same height and width
     * @param intersect true for the intersection, false for the union
     * @throws IllegalArgumentException if the list is empty (pycocotools returns a 0x0 mask there, but
     *     the size of an empty result is unknown) or the sizes differ (the message names both)
     */
    public static Rle merge(List<Rle> masks, boolean intersect) {
        return RunMerge.merge(masks, intersect);
    }

    /**
     * Rasterises a box as pycocotools' {@code rleFrBbox} does: as the polygon through its four corners,
     * with {@link Polygons#rasterize(double[], int, int)}. A box with integer corners covers exactly its
     * pixels, so {@code [1, 2, 3, 4]} covers columns 1 to 3 and rows 2 to 5; parts outside the image
     * are clipped.
     *
     * @param xywh the box as COCO's {@code [x, y, width, height]} in pixels
     * @param height the mask height in pixels
     * @param width the mask width in pixels
     * @throws IllegalArgumentException if {@code xywh} does not have 4 values or a value is not finite
     */
    public static Rle fromBox(double[] xywh, int height, int width) {
        if (xywh.length != 4) {
            throw new IllegalArgumentException("a box needs 4 values [x, y, width, height], got " + xywh.length);
        }
        double left = xywh[0];
        double right = left + xywh[2];
        double top = xywh[1];
        double bottom = top + xywh[3];
        return Polygons.rasterize(new double[] {left, top, left, bottom, right, bottom, right, top}, height, width);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Rle that && that.height == height && that.width == width && Arrays.equals(that.counts, counts);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * height + width) + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "Rle[" + height + "x" + width + ", counts=" + Arrays.toString(counts) + "]";
    }
}
