package org.backdrop.dataset.coco;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class IntChunksTest {

    @Test
    void valuesSurviveChunkBoundary() {
        IntChunks store = new IntChunks();
        int count = (1 << 20) * 2 + 17;
        for (int i = 0; i < count; i++) {
            store.add(i * 3);
        }

        assertEquals(count, store.size());
        assertEquals(0, store.get(0));
        assertEquals(((1 << 20) - 1) * 3, store.get((1 << 20) - 1));
        assertEquals((1 << 20) * 3, store.get(1 << 20));
        assertEquals((count - 1) * 3, store.get(count - 1));
    }

    @Test
    void trimKeepsValuesAndAllowsAppending() {
        IntChunks store = new IntChunks();
        for (int i = 0; i < 300; i++) {
            store.add(i);
        }

        store.trim();
        store.add(300);

        assertEquals(301, store.size());
        assertEquals(299, store.get(299));
        assertEquals(300, store.get(300));
    }

    @Test
    void addAllAcrossChunkBoundary() {
        IntChunks store = new IntChunks();
        int[] values = new int[(1 << 20) + 500];
        for (int i = 0; i < values.length; i++) {
            values[i] = i + 1;
        }
        store.add(-1);

        // Value k now sits at index k.
        store.addAll(values, values.length);
        store.addAll(values, 3);

        assertEquals(values.length + 4, store.size());
        assertEquals(-1, store.get(0));
        assertEquals((1 << 20) - 1, store.get((1 << 20) - 1));
        assertEquals(1 << 20, store.get(1 << 20));
        assertEquals(values.length, store.get(values.length));
        assertEquals(3, store.get(values.length + 3));
    }
}
