package org.backdrop.ui.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.backdrop.image.RgbImage;
import org.junit.jupiter.api.Test;

class ThumbnailSlotsTest {

    /** Returns a {@code width x height} image whose every byte is {@code value}. */
    private static RgbImage filled(int width, int height, int value) {
        byte[] rgb = new byte[width * height * 3];
        Arrays.fill(rgb, (byte) value);
        return new RgbImage(width, height, rgb);
    }

    @Test
    void storedPixelsReadBackAsArgb() {
        ThumbnailSlots slots = new ThumbnailSlots(2, 4, 4);
        assertTrue(slots.store(5, new RgbImage(2, 1, new byte[] {10, 20, 30, 40, 50, 60}), slots.epoch()));

        int[] out = new int[2];
        assertTrue(slots.copy(5, out));
        // 10, 20, 30 is 0x0A, 0x14, 0x1E and 40, 50, 60 is 0x28, 0x32, 0x3C.
        assertArrayEquals(new int[] {0xFF0A141E, 0xFF28323C}, out);
        assertEquals(1, slots.size());
    }

    @Test
    void evictsLeastRecentlyUsed() {
        ThumbnailSlots slots = new ThumbnailSlots(2, 1, 1);
        slots.store(1, filled(1, 1, 0x11), slots.epoch());
        slots.store(2, filled(1, 1, 0x22), slots.epoch());
        // Reading key 1 makes key 2 the least recently used, so key 3 takes its slot.
        assertTrue(slots.copy(1, new int[1]));
        slots.store(3, filled(1, 1, 0x33), slots.epoch());

        assertTrue(slots.contains(1));
        assertFalse(slots.contains(2));
        assertTrue(slots.contains(3));
        assertEquals(2, slots.size());
        int[] out = new int[1];
        assertTrue(slots.copy(1, out));
        assertEquals(0xFF111111, out[0]);
        assertTrue(slots.copy(3, out));
        assertEquals(0xFF333333, out[0]);
        assertFalse(slots.copy(2, out));
    }

    @Test
    void storingAgainReusesTheSlot() {
        ThumbnailSlots slots = new ThumbnailSlots(2, 1, 1);
        slots.store(1, filled(1, 1, 0x11), slots.epoch());
        slots.store(2, filled(1, 1, 0x22), slots.epoch());
        slots.store(1, filled(1, 1, 0x44), slots.epoch());

        assertEquals(2, slots.size());
        int[] out = new int[1];
        assertTrue(slots.copy(1, out));
        assertEquals(0xFF444444, out[0]);
        assertTrue(slots.copy(2, out));
        assertEquals(0xFF222222, out[0]);
    }

    @Test
    void keepsTheLastStoredKeysOfMany() {
        // 1,000 keys through 8 slots: with no reads the cache keeps the last 8 stored, 992 to 999. The
        // table has 16 entries, so many keys share a home index, and removals must keep the others findable.
        ThumbnailSlots slots = new ThumbnailSlots(8, 1, 1);
        for (long key = 0; key < 1000; key++) {
            slots.store(key * 1024, filled(1, 1, (int) key), slots.epoch());
        }

        assertEquals(8, slots.size());
        for (long key = 0; key < 1000; key++) {
            assertEquals(key >= 992, slots.contains(key * 1024), "key " + key * 1024);
        }
        int[] out = new int[1];
        assertTrue(slots.copy(999 * 1024, out));
        // 999 is 0x3E7 and its low byte 0xE7 fills all three channels.
        assertEquals(0xFFE7E7E7, out[0]);
    }

    @Test
    void rejectsImagesLargerThanASlot() {
        ThumbnailSlots slots = new ThumbnailSlots(2, 4, 3);

        assertTrue(slots.fits(2, 2));
        assertFalse(slots.fits(3, 2), "6 pixels in a slot of 4");
        assertFalse(slots.fits(4, 1), "a side of 4 with a limit of 3");
        assertFalse(slots.store(1, filled(3, 2, 0), slots.epoch()));
        assertEquals(0, slots.size());
    }

    @Test
    void storeStartedBeforeClearStoresNothing() {
        ThumbnailSlots slots = new ThumbnailSlots(2, 1, 1);
        slots.store(1, filled(1, 1, 0x11), slots.epoch());
        int before = slots.epoch();
        slots.clear();

        assertFalse(slots.contains(1));
        assertFalse(slots.store(2, filled(1, 1, 0x22), before));
        assertFalse(slots.contains(2));
        assertTrue(slots.store(2, filled(1, 1, 0x22), slots.epoch()));
        assertTrue(slots.contains(2));
        assertEquals(1, slots.size());
    }

    @Test
    void readerNeverAcceptsAHalfRewrittenSlot() throws InterruptedException {
        // One slot, rewritten in turn with key 1 (all 0x11) and key 2 (all 0x22). A copy of key 1 that
        // succeeds must contain only 0xFF111111, even when key 2 was being written into the slot meanwhile.
        int side = 256;
        ThumbnailSlots slots = new ThumbnailSlots(1, side * side, side);
        RgbImage first = filled(side, side, 0x11);
        RgbImage second = filled(side, side, 0x22);
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try {
                for (int i = 0; i < 2_000; i++) {
                    slots.store(1, first, slots.epoch());
                    slots.store(2, second, slots.epoch());
                }
                slots.store(1, first, slots.epoch());
            } catch (Throwable e) {
                failure.set(e);
            } finally {
                done.set(true);
            }
        });
        writer.start();

        int[] out = new int[side * side];
        int accepted = 0;
        boolean last = false;
        while (!last) {
            last = done.get();
            Arrays.fill(out, 0);
            if (slots.copy(1, out)) {
                accepted++;
                for (int i = 0; i < out.length; i++) {
                    assertEquals(0xFF111111, out[i], "pixel " + i + " of copy " + accepted);
                }
            }
        }
        writer.join();

        assertEquals(null, failure.get());
        assertTrue(slots.copy(1, out), "key 1 was stored last");
        assertEquals(0xFF111111, out[0]);
        assertEquals(0xFF111111, out[out.length - 1]);
    }
}
