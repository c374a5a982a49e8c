package org.backdrop.dataset.coco;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LongIntMapTest {

    @Test
    void storesAndFindsAfterGrowing() {
        LongIntMap map = new LongIntMap(2);
        for (int i = 0; i < 10_000; i++) {
            assertEquals(-1, map.putIfAbsent(i * 1_000_003L - 5_000_000L, i));
        }

        assertEquals(0, map.get(-5_000_000L));
        assertEquals(9_999, map.get(9_999 * 1_000_003L - 5_000_000L));
        assertEquals(-1, map.get(1));
    }

    @Test
    void putIfAbsentKeepsFirstValue() {
        LongIntMap map = new LongIntMap(4);
        map.putIfAbsent(Long.MAX_VALUE, 1);

        assertEquals(1, map.putIfAbsent(Long.MAX_VALUE, 2));
        assertEquals(1, map.get(Long.MAX_VALUE));
    }
}
