package org.backdrop.ui.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.backdrop.ui.StudioSession;
import org.backdrop.ui.StudioTestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleThumbnailSlotsTest {

    @TempDir
    Path temp;

    /** Returns the pixel at (x, y) of the 16 x 16 thumbnail cached under {@code slotKey} in {@code slots}. */
    private static int pixel(ThumbnailSlots slots, long slotKey, int x, int y) {
        int[] out = new int[StudioTestData.SIDE * StudioTestData.SIDE];
        assertTrue(slots.copy(slotKey, out), "thumbnail " + slotKey + " cached");
        return out[y * StudioTestData.SIDE + x];
    }

    @Test
    void smallImagesGoToSmallSlots() throws Exception {
        StudioSession session = StudioTestData.session(StudioTestData.write(temp));
        SampleThumbnailSlots cache = new SampleThumbnailSlots(new SampleThumbnails(session), 112, 32, 4, 2);
        SampleThumbnails.Key key = new SampleThumbnails.Key(0, session.dataset().samples().get(0).id(), false, 112);

        ThumbnailSlots holder = cache.render(key);

        assertSame(holder, cache.get(key));
        // The test images are black with a white square from (4, 4) to (7, 7), kept at 16 x 16.
        long slotKey = SampleThumbnailSlots.slotKey(0, false);
        assertEquals(0xFFFFFFFF, pixel(holder, slotKey, 4, 4));
        assertEquals(0xFFFFFFFF, pixel(holder, slotKey, 7, 7));
        assertEquals(0xFF000000, pixel(holder, slotKey, 3, 4));
        assertEquals(0xFF000000, pixel(holder, slotKey, 8, 7));
        assertNull(cache.get(new SampleThumbnails.Key(0, key.sampleId(), true, 112)), "the overlay thumbnail is another entry");
    }

    @Test
    void largerImagesGoToLargeSlots() throws Exception {
        StudioSession session = StudioTestData.session(StudioTestData.write(temp));
        // Small slots of 8 x 8 pixels, so the 16 x 16 test images need the large ones.
        SampleThumbnailSlots cache = new SampleThumbnailSlots(new SampleThumbnails(session), 112, 8, 4, 2);
        SampleThumbnails.Key first = new SampleThumbnails.Key(0, session.dataset().samples().get(0).id(), false, 112);
        SampleThumbnails.Key second = new SampleThumbnails.Key(1, session.dataset().samples().get(1).id(), false, 112);

        ThumbnailSlots holder = cache.render(first);
        ThumbnailSlots sameHolder = cache.render(second);

        assertSame(holder, sameHolder);
        assertTrue(holder.fits(112, 112), "a slot of the large cache holds 112 x 112 pixels");
        assertFalse(holder.fits(113, 1), "no side may exceed 112 pixels");
        assertEquals(2, holder.size());
        assertEquals(0xFFFFFFFF, pixel(holder, SampleThumbnailSlots.slotKey(1, false), 5, 6));
        assertEquals(0xFF000000, pixel(holder, SampleThumbnailSlots.slotKey(1, false), 15, 15));

        cache.clear();
        assertNull(cache.get(first));
        assertNull(cache.get(second));
    }
}
