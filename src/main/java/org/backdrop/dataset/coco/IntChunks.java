package org.backdrop.dataset.coco;

import java.util.Arrays;

/**
 * A growable list of ints stored in chunks of 2<sup>20</sup> values, so that appending never copies
 * more than one chunk and a large store never needs one contiguous array. Only the first chunk starts
 * small, and it grows by doubling.
 */
final class IntChunks {

    private static final int SHIFT = 20;
    private static final int CHUNK_SIZE = 1 << SHIFT;
    private static final int MASK = CHUNK_SIZE - 1;
    private static final int FIRST_CHUNK_CAPACITY = 256;

    private int[][] chunks = new int[4][];
    private long size;

    /** Appends {@code value}. */
    void add(int value) {
        int chunk = (int) (size >>> SHIFT);
        int offset = (int) (size & MASK);
        int[] target = chunk < chunks.length ? chunks[chunk] : null;
        if (target == null || offset == target.length) {
            target = grow(chunk);
        }
        target[offset] = value;
        size++;
    }

    /** Appends {@code values[0]} to {@code values[length - 1]}. */
    void addAll(int[] values, int length) {
        int copied = 0;
        while (copied < length) {
            int chunk = (int) (size >>> SHIFT);
            int offset = (int) (size & MASK);
            int[] target = chunk < chunks.length ? chunks[chunk] : null;
            if (target == null || offset == target.length) {
                target = grow(chunk);
            }
            int count = Math.min(length - copied, target.length - offset);
            System.arraycopy(values, copied, target, offset, count);
            copied += count;
            size += count;
        }
    }

    /** Returns the value at {@code index}, which must be below {@link #size()}. */
    int get(long index) {
        return chunks[(int) (index >>> SHIFT)][(int) (index & MASK)];
    }

    /** Returns the number of values. */
    long size() {
        return size;
    }

    /** Shrinks the last chunk to its used length, once appending is over. */
    void trim() {
        int chunk = (int) (size >>> SHIFT);
        int used = (int) (size & MASK);
        if (chunk < chunks.length && chunks[chunk] != null) {
            chunks[chunk] = used == 0 ? null : Arrays.copyOf(chunks[chunk], used);
        }
    }

    private int[] grow(int chunk) {
        if (chunk >= chunks.length) {
            chunks = Arrays.copyOf(chunks, Math.max(chunks.length * 2, chunk + 1));
        }
        int[] current = chunks[chunk];
        int[] grown;
        if (current == null) {
            // Only the first chunk starts small; once a second chunk is needed the store is large.
            grown = new int[chunk == 0 ? FIRST_CHUNK_CAPACITY : CHUNK_SIZE];
        } else {
            grown = Arrays.copyOf(current, Math.min(CHUNK_SIZE, current.length * 2));
        }
        chunks[chunk] = grown;
        return grown;
    }
}
