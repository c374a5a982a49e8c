package org.backdrop.mask;

import java.util.Arrays;

/**
 * COCO's compressed text form of RLE counts, as {@code rleToString} and {@code rleFrString} in
 * pycocotools' {@code maskApi.c} write and read it.
 *
 * <p>Each count from index 3 on is stored as its difference from the count two places back. Each
 * value is split into 5-bit groups, least significant first. A group becomes one character: the 5
 * bits, plus 0x20 when another group follows, plus 48, so every character lies in {@code '0'}
 * ({@code 48}) to {@code 'o'} ({@code 111}). The last group's bit 0x10 is the sign, and a negative
 * value is sign-extended. The alphabet contains the backslash ({@code 92}), which JSON writers must
 * escape.
 */
final class CompressedCounts {

    private static final int OFFSET = 48;
    private static final int MAX_CHARACTER = OFFSET + 63;
    private static final int CONTINUATION_BIT = 0x20;
    private static final int SIGN_BIT = 0x10;
    private static final int GROUP_MASK = 0x1f;
    private static final int GROUP_BITS = 5;
    /** Groups enough for any 64-bit value, so a longer value is malformed. */
    private static final int MAX_GROUPS = 13;

    private CompressedCounts() {}

    /** Encodes run lengths to the compressed string. */
    static String encode(int[] counts) {
        StringBuilder text = new StringBuilder(counts.length * 2);
        for (int i = 0; i < counts.length; i++) {
            long value = counts[i];
            if (i > 2) {
                value -= counts[i - 2];
            }
            boolean more = true;
            while (more) {
                int group = (int) (value & GROUP_MASK);
                value >>= GROUP_BITS;
                more = (group & SIGN_BIT) != 0 ? value != -1 : value != 0;
                if (more) {
                    group |= CONTINUATION_BIT;
                }
                text.append((char) (group + OFFSET));
            }
        }
        return text.toString();
    }

    /**
     * Decodes a compressed string to run lengths.
     *
     * @throws IllegalArgumentException if a character lies outside {@code '0'..'o'}, the string ends
     *     inside a value, or a run length comes out negative or above {@link Integer#MAX_VALUE}
     */
    static int[] decode(String text) {
        int[] counts = new int[text.length()];
        int countIndex = 0;
        int position = 0;
        while (position < text.length()) {
            int start = position;
            long value = 0;
            int groupIndex = 0;
            boolean more = true;
            while (more) {
                if (position >= text.length()) {
                    throw new IllegalArgumentException("invalid compressed RLE counts: the string ends inside the value that starts at character "
                            + start + "; the last character must not carry the continuation bit 0x20");
                }
                int group = groupAt(text, position);
                if (groupIndex == MAX_GROUPS) {
                    throw new IllegalArgumentException("invalid compressed RLE counts: the value that starts at character " + start
                            + " has more than " + MAX_GROUPS + " characters");
                }
                value |= (long) (group & GROUP_MASK) << (GROUP_BITS * groupIndex);
                more = (group & CONTINUATION_BIT) != 0;
                position++;
                groupIndex++;
                if (!more && (group & SIGN_BIT) != 0) {
                    value |= -1L << (GROUP_BITS * groupIndex);
                }
            }
            if (countIndex > 2) {
                value += counts[countIndex - 2];
            }
            if (value < 0 || value > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("invalid compressed RLE counts: run " + countIndex + " decodes to " + value
                        + ", but a run length must lie in 0.." + Integer.MAX_VALUE);
            }
            counts[countIndex++] = (int) value;
        }
        return Arrays.copyOf(counts, countIndex);
    }

    private static int groupAt(String text, int position) {
        char character = text.charAt(position);
        if (character < OFFSET || character > MAX_CHARACTER) {
            throw new IllegalArgumentException("invalid compressed RLE counts: character '" + character + "' at index " + position
                    + " lies outside '0'..'o'; compressed counts use only those 64 characters");
        }
        return character - OFFSET;
    }
}
