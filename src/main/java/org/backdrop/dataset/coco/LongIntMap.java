package org.backdrop.dataset.coco;

import java.util.Arrays;

/**
 * A hash map from {@code long} keys to non-negative {@code int} values with open addressing, so that
 * hundreds of thousands of COCO ids can be looked up without boxing.
 */
final class LongIntMap {

    private static final int ABSENT = -1;

    private long[] keys;
    private int[] values;
    private int size;
    private int mask;

    /** Creates a map sized for about {@code expected} entries. */
    LongIntMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[capacity];
        values = new int[capacity];
        Arrays.fill(values, ABSENT);
        mask = capacity - 1;
    }

    /** Returns the value stored for {@code key}, or -1 when there is none. */
    int get(long key) {
        int slot = slot(key);
        while (values[slot] != ABSENT) {
            if (keys[slot] == key) {
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
        return ABSENT;
    }

    /**
     * Stores {@code value} (0 or more) for {@code key} unless the key is present.
     *
     * @return the value already stored for {@code key}, or -1 when {@code value} was stored
     */
    int putIfAbsent(long key, int value) {
        int slot = slot(key);
        while (values[slot] != ABSENT) {
            if (keys[slot] == key) {
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        values[slot] = value;
        size++;
        if (size * 2 > keys.length) {
            rehash();
        }
        return ABSENT;
    }

    private int slot(long key) {
        long mixed = key * 0x9E3779B97F4A7C15L;
        return (int) (mixed ^ (mixed >>> 32)) & mask;
    }

    private void rehash() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldValues.length * 2];
        Arrays.fill(values, ABSENT);
        mask = keys.length - 1;
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != ABSENT) {
                putIfAbsent(oldKeys[i], oldValues[i]);
            }
        }
    }
}
