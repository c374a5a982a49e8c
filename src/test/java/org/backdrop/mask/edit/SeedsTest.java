package org.backdrop.mask.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SeedsTest {

    @Test
    void strokesLabelPixels() {
        Seeds seeds = new Seeds(6, 4);

        seeds.paintLine(1, 1, 1, 1, 3, true);
        PixelRect changed = seeds.paintLine(2, 1, 4, 1, 1, false);

        // The background line overwrites (2, 1) of the 3x3 foreground square around (1, 1).
        assertEquals(Seeds.FOREGROUND, seeds.get(0, 0));
        assertEquals(Seeds.FOREGROUND, seeds.get(2, 2));
        assertEquals(Seeds.BACKGROUND, seeds.get(2, 1));
        assertEquals(Seeds.BACKGROUND, seeds.get(4, 1));
        assertEquals(Seeds.NONE, seeds.get(5, 1));
        assertEquals(Seeds.NONE, seeds.get(3, 0));
        assertEquals(new PixelRect(2, 1, 3, 1), changed);
        assertEquals(new PixelRect(0, 0, 5, 3), seeds.bounds());
        assertTrue(seeds.hasForeground());
        assertTrue(seeds.hasBackground());
    }

    @Test
    void clearRemovesAll() {
        Seeds seeds = new Seeds(5, 5);
        seeds.paintLine(4, 4, 4, 4, 1, true);

        assertEquals(new PixelRect(4, 4, 1, 1), seeds.clear());

        assertTrue(seeds.isEmpty());
        assertFalse(seeds.hasForeground());
        assertEquals(Seeds.NONE, seeds.get(4, 4));
    }
}
