package org.backdrop.ui.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.backdrop.image.RgbImage;
import org.junit.jupiter.api.Test;

class ThumbnailsTest {

    @Test
    void downscaleAveragesBlocks() {
        byte[] pixels = new byte[4 * 2 * 3];
        // Left 2x2 block: red values 0, 10, 20, 30 (mean 15); right block: all 100.
        int[][] reds = {{0, 10, 100, 100}, {20, 30, 100, 100}};
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 4; x++) {
                pixels[(y * 4 + x) * 3] = (byte) reds[y][x];
            }
        }

        RgbImage small = Thumbnails.downscale(new RgbImage(4, 2, pixels), 2);

        assertEquals(2, small.width());
        assertEquals(1, small.height());
        assertArrayEquals(new int[] {15, 0, 0}, small.rgb(0, 0));
        assertArrayEquals(new int[] {100, 0, 0}, small.rgb(1, 0));
    }

    @Test
    void smallImageStaysAsIs() {
        RgbImage image = new RgbImage(2, 2, new byte[12]);

        assertSame(image, Thumbnails.downscale(image, 8));
    }

    @Test
    void overlayTintsForegroundOnly() {
        RgbImage white = new RgbImage(2, 1, new byte[] {-1, -1, -1, -1, -1, -1});

        RgbImage tinted = Thumbnails.overlay(white, new byte[] {1, 0}, 2, 1);

        // 255 * 0.55 + (0, 200, 255) * 0.45 = (140.25, 230.25, 255)
        assertArrayEquals(new int[] {140, 230, 255}, tinted.rgb(0, 0));
        assertArrayEquals(new int[] {255, 255, 255}, tinted.rgb(1, 0));
    }

    @Test
    void lruDropsLeastRecentlyUsed() {
        LruCache<String, Integer> cache = new LruCache<>(2);
        cache.put("a", 1);
        cache.put("b", 2);
        cache.get("a");

        cache.put("c", 3);

        assertEquals(1, cache.get("a"));
        assertNull(cache.get("b"));
        assertEquals(3, cache.get("c"));
    }

    @Test
    void upscaleRepeatsPixels() {
        RgbImage image = new RgbImage(2, 1, new byte[] {10, 20, 30, 40, 50, 60});

        RgbImage large = Thumbnails.upscale(image, 7);

        assertEquals(6, large.width());
        assertEquals(3, large.height());
        assertArrayEquals(new int[] {10, 20, 30}, large.rgb(2, 2));
        assertArrayEquals(new int[] {40, 50, 60}, large.rgb(3, 0));
    }
}
