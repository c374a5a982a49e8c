package org.backdrop.background;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.backdrop.image.RgbImage;
import org.junit.jupiter.api.Test;

class NoiseBackgroundTest {

    private static final int SIZE = 64;

    @Test
    void sameSeedGivesSameBytes() {
        for (String name : new String[] {"noise-bw", "noise-uniform", "noise-gaussian"}) {
            assertArrayEquals(render(name, "cat_001", 42).pixels(), render(name, "cat_001", 42).pixels(), name);
        }
    }

    @Test
    void otherSampleIdGivesOtherBytes() {
        for (String name : new String[] {"noise-bw", "noise-uniform", "noise-gaussian"}) {
            assertFalse(Arrays.equals(render(name, "cat_001", 42).pixels(), render(name, "cat_002", 42).pixels()), name);
        }
    }

    @Test
    void otherRunSeedGivesOtherBytes() {
        assertFalse(Arrays.equals(render("noise-uniform", "cat_001", 42).pixels(), render("noise-uniform", "cat_001", 43).pixels()));
    }

    @Test
    void blackAndWhiteHasOnlyGreyExtremes() {
        byte[] pixels = render("noise-bw", "s", 1).pixels();

        long white = 0;
        for (int offset = 0; offset < pixels.length; offset += 3) {
            int value = pixels[offset] & 0xFF;
            assertTrue(value == 0 || value == 255, "value " + value);
            assertEquals(pixels[offset], pixels[offset + 1]);
            assertEquals(pixels[offset], pixels[offset + 2]);
            white += value == 255 ? 1 : 0;
        }
        // 4,096 fair coin flips: standard deviation 32, so 5 deviations is 2,048 +- 160.
        assertEquals(2048, white, 160);
    }

    @Test
    void uniformMeanIsMidrange() {
        byte[] pixels = render("noise-uniform", "s", 1).pixels();

        double mean = Arrays.stream(toInts(pixels)).average().orElseThrow();
        // 12,288 uniform draws on 0..255: mean 127.5, standard deviation of the mean 73.9 / sqrt(12288) = 0.67.
        assertEquals(127.5, mean, 5 * 0.67);
    }

    @Test
    void gaussianMeanAndDeviationMatchParameters() {
        int[] values = toInts(render("noise-gaussian=100,20", "s", 1).pixels());

        double mean = Arrays.stream(values).average().orElseThrow();
        double variance = Arrays.stream(values).mapToDouble(v -> (v - mean) * (v - mean)).sum() / (values.length - 1);
        // Standard error of the mean 20 / sqrt(12288) = 0.18; of the deviation about 20 / sqrt(2 * 12288) = 0.13.
        assertEquals(100, mean, 1.0);
        assertEquals(20, Math.sqrt(variance), 1.0);
    }

    private static RgbImage render(String name, String sampleId, long seed) {
        InMemoryPool pool = new InMemoryPool().add(sampleId, 0, TestImages.solid(SIZE, SIZE, 0, 0, 0), new byte[SIZE * SIZE]);
        return Backgrounds.parse(name).render(pool.request(0, seed, name));
    }

    private static int[] toInts(byte[] bytes) {
        int[] values = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            values[i] = bytes[i] & 0xFF;
        }
        return values;
    }
}
