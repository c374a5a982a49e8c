package org.backdrop.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CifarAugmentationTest {

    private static final Normalization HALF = new Normalization(new float[] {0.5f, 0.5f, 0.5f}, new float[] {0.25f, 0.25f, 0.25f});

    @Test
    void normalisesChannelMajor() {
        byte[] rgb = new byte[4 * 4 * 3];
        rgb[(0 * 4 + 1) * 3] = (byte) 255;
        rgb[(2 * 4 + 3) * 3 + 1] = (byte) 255;

        float[] input = CifarAugmentation.toInput(rgb, 4, HALF, null);

        // (255 / 255 - 0.5) / 0.25 = 2 and (0 - 0.5) / 0.25 = -2.
        assertEquals(2f, input[1], 1e-6);
        assertEquals(2f, input[16 + 2 * 4 + 3], 1e-6);
        assertEquals(-2f, input[0], 1e-6);
        assertEquals(-2f, input[32 + 2 * 4 + 3], 1e-6);
    }

    @Test
    void sameSeedSameCrop() {
        byte[] rgb = singleBrightPixel();

        float[] first = CifarAugmentation.toInput(rgb, 32, HALF, new Random(42));
        float[] again = CifarAugmentation.toInput(rgb, 32, HALF, new Random(42));

        assertArrayEquals(first, again);
    }

    @Test
    void cropMovesAtMostFourPixels() {
        byte[] rgb = singleBrightPixel();
        for (int seed = 0; seed < 50; seed++) {
            float[] input = CifarAugmentation.toInput(rgb, 32, HALF, new Random(seed));
            int bright = -1;
            for (int i = 0; i < 32 * 32; i++) {
                if (input[i] > 1f) {
                    bright = i;
                }
            }
            int x = bright % 32;
            int y = bright / 32;
            // The pixel sits at (16, 16); a flip maps column 16 to 15.
            assertTrue(Math.abs(y - 16) <= 4, "row " + y + " with seed " + seed);
            assertTrue(Math.abs(x - 16) <= 4 || Math.abs(x - 15) <= 4, "column " + x + " with seed " + seed);
        }
    }

    private static byte[] singleBrightPixel() {
        byte[] rgb = new byte[32 * 32 * 3];
        rgb[(16 * 32 + 16) * 3] = (byte) 255;
        return rgb;
    }
}
