package org.backdrop.dataset.coco;

import java.util.Arrays;

/**
 * The segmentation of the annotation being parsed, reused from one annotation to the next.
 *
 * <p>Polygon coordinates are kept as integers in hundredths of a pixel while every coordinate of the
 * annotation has at most two decimals (COCO's own files have two), and as doubles from the first one
 * that has more. Both forms give exactly the double that {@link Double#parseDouble} gives for the
 * text, so nothing is lost: see {@link #parseCenti}.
 */
final class SegmentationBuffer {

    /** Returned by {@link #parseCenti} for text that is not a whole number of hundredths. */
    static final long NOT_CENTI = Long.MIN_VALUE;

    enum Kind { NONE, POLYGONS, RLE }

    private Kind kind = Kind.NONE;

    private int[] partLengths = new int[8];
    private int partCount;
    private int[] centi = new int[1024];
    private double[] exact = new double[0];
    private boolean needsExact;
    private int coordinateCount;

    private int[] counts = new int[256];
    private int countLength;
    private int rleHeight;
    private int rleWidth;
    private boolean compressed;

    /** Forgets the previous annotation's segmentation. */
    void reset() {
        kind = Kind.NONE;
        partCount = 0;
        needsExact = false;
        coordinateCount = 0;
        countLength = 0;
        compressed = false;
    }

    void startPolygons() {
        kind = Kind.POLYGONS;
    }

    /**
     * Appends the coordinate whose JSON text is {@code text[offset]} to {@code text[offset + length - 1]}
     * when it is a whole number of hundredths and no earlier coordinate of this annotation needed a
     * double. Otherwise appends nothing, switches to doubles and returns false: the caller then
     * appends the parsed value with {@link #addExact}.
     */
    boolean tryAddCenti(char[] text, int offset, int length) {
        if (needsExact) {
            return false;
        }
        long value = parseCenti(text, offset, length);
        if (value == NOT_CENTI) {
            switchToExact();
            return false;
        }
        if (coordinateCount == centi.length) {
            centi = Arrays.copyOf(centi, coordinateCount * 2);
        }
        centi[coordinateCount++] = (int) value;
        return true;
    }

    /** Appends a coordinate that {@link #tryAddCenti} did not take. */
    void addExact(double value) {
        if (coordinateCount == exact.length) {
            exact = Arrays.copyOf(exact, Math.max(1024, coordinateCount * 2));
        }
        exact[coordinateCount++] = value;
    }

    /** Ends a polygon part of {@code length} coordinates. */
    void endPart(int length) {
        if (partCount == partLengths.length) {
            partLengths = Arrays.copyOf(partLengths, partCount * 2);
        }
        partLengths[partCount++] = length;
    }

    /** Starts an RLE segmentation; counts follow through {@link #addCount} or {@link #setCounts}. */
    void startRle(boolean compressedCounts) {
        kind = Kind.RLE;
        compressed = compressedCounts;
    }

    void setRleSize(int height, int width) {
        rleHeight = height;
        rleWidth = width;
    }

    void addCount(int count) {
        if (countLength == counts.length) {
            counts = Arrays.copyOf(counts, countLength * 2);
        }
        counts[countLength++] = count;
    }

    void setCounts(int[] runs) {
        countLength = 0;
        for (int run : runs) {
            addCount(run);
        }
    }

    /** Returns the kind, {@link Kind#NONE} also for an empty polygon list. */
    Kind kind() {
        return kind == Kind.POLYGONS && partCount == 0 ? Kind.NONE : kind;
    }

    int partCount() {
        return partCount;
    }

    int partLength(int part) {
        return partLengths[part];
    }

    /** Returns the part lengths, valid up to {@link #partCount()}. */
    int[] partLengths() {
        return partLengths;
    }

    /** Returns true when some coordinate has more than two decimals, so {@link #exactCoordinate} applies. */
    boolean needsExact() {
        return needsExact;
    }

    int coordinateCount() {
        return coordinateCount;
    }

    /** Returns the coordinates in hundredths, valid up to {@link #coordinateCount()} unless {@link #needsExact()}. */
    int[] centiCoordinates() {
        return centi;
    }

    double exactCoordinate(int index) {
        return exact[index];
    }

    int[] countsArray() {
        return counts;
    }

    int countLength() {
        return countLength;
    }

    int rleHeight() {
        return rleHeight;
    }

    int rleWidth() {
        return rleWidth;
    }

    boolean compressed() {
        return compressed;
    }

    private void switchToExact() {
        needsExact = true;
        if (exact.length < centi.length) {
            exact = new double[centi.length];
        }
        for (int i = 0; i < coordinateCount; i++) {
            exact[i] = centi[i] / 100.0;
        }
    }

    /**
     * Parses a JSON number such as {@code 123}, {@code -4.5} or {@code 640.25} into hundredths
     * ({@code 12300}, {@code -450}, {@code 64025}). Returns {@link #NOT_CENTI} for text with more than
     * two non-zero decimals, an exponent, a negative zero or a value outside the int range.
     *
     * <p>For every text it accepts, {@code result / 100.0} equals {@code Double.parseDouble(text)}: both
     * are the double nearest to the same rational number, because IEEE division of two exactly
     * represented integers is correctly rounded.
     */
    static long parseCenti(char[] text, int offset, int length) {
        int end = offset + length;
        int i = offset;
        boolean negative = false;

        if (i < end && text[i] == '-') {
            negative = true;
            i++;
        }
        long value = 0;
        int digits = 0;
        while (i < end && text[i] >= '0' && text[i] <= '9') {
            value = value * 10 + (text[i++] - '0');
            if (++digits > 9) {
                return NOT_CENTI;
            }
        }
        if (digits == 0) {
            return NOT_CENTI;
        }

        int decimals = 0;
        value *= 100;
        if (i < end && text[i] == '.') {
            i++;
            while (i < end && text[i] >= '0' && text[i] <= '9') {
                int digit = text[i++] - '0';
                decimals++;
                if (decimals == 1) {
                    value += digit * 10L;
                } else if (decimals == 2) {
                    value += digit;
                } else if (digit != 0) {
                    return NOT_CENTI;
                }
            }
            if (decimals == 0) {
                return NOT_CENTI;
            }
        }

        if (i != end || value > Integer.MAX_VALUE || (negative && value == 0)) {
            return NOT_CENTI;
        }
        return negative ? -value : value;
    }
}
