package org.backdrop.background;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.backdrop.image.RgbImage;
import org.junit.jupiter.api.Test;

class MeanBackgroundAccumulatorTest {

    // Three 3x1 images. Pixel 0 is background in all three, pixel 1 in B and C, pixel 2 in none.
    private static final RgbImage A = image(10, 20, 30, 100, 100, 100, 1, 1, 1);
    private static final RgbImage B = image(20, 20, 20, 50, 61, 70, 2, 2, 2);
    private static final RgbImage C = image(31, 0, 255, 51, 60, 71, 3, 3, 3);
    private static final byte[] MASK_A = {0, 1, 1};
    private static final byte[] MASK_B = {0, 0, 1};
    private static final byte[] MASK_C = {0, 0, 1};

    @Test
    void meanOfThreeImagesMatchesHandValues() {
        RgbImage mean = accumulateAll().result();

        // Pixel 0: (10 + 20 + 31) / 3 = 20.33, (20 + 20 + 0) / 3 = 13.33, (30 + 20 + 255) / 3 = 101.67.
        assertArrayEquals(new int[] {20, 13, 102}, mean.rgb(0, 0));
    }

    @Test
    void exactHalvesRoundUp() {
        RgbImage mean = accumulateAll().result();

        // Pixel 1: (50 + 51) / 2 = 50.5, (61 + 60) / 2 = 60.5, (70 + 71) / 2 = 70.5.
        assertArrayEquals(new int[] {51, 61, 71}, mean.rgb(1, 0));
    }

    @Test
    void neverBackgroundPixelTakesOverallMean() {
        RgbImage mean = accumulateAll().result();

        // All five background pixels: R 162 / 5 = 32.4, G 161 / 5 = 32.2, B 446 / 5 = 89.2.
        assertArrayEquals(new int[] {32, 32, 89}, mean.rgb(2, 0));
    }

    @Test
    void mergedPartsEqualOnePass() {
        MeanBackgroundAccumulator first = new MeanBackgroundAccumulator(3, 1);
        first.add(C, MASK_C);
        MeanBackgroundAccumulator second = new MeanBackgroundAccumulator(3, 1);
        second.add(B, MASK_B);
        second.add(A, MASK_A);

        first.merge(second);

        assertArrayEquals(accumulateAll().result().pixels(), first.result().pixels());
    }

    @Test
    void imageOfOtherSizeIsResizedToGrid() {
        MeanBackgroundAccumulator accumulator = new MeanBackgroundAccumulator(1, 1);

        accumulator.add(TestImages.solid(4, 2, 7, 8, 9), new byte[8]);

        assertArrayEquals(new int[] {7, 8, 9}, accumulator.result().rgb(0, 0));
    }

    @Test
    void noBackgroundPixelIsUnavailable() {
        MeanBackgroundAccumulator accumulator = new MeanBackgroundAccumulator(3, 1);
        accumulator.add(A, new byte[] {1, 1, 1});

        assertThrows(BackgroundUnavailableException.class, accumulator::result);
    }

    @Test
    void meanBackgroundRendersPoolMean() {
        InMemoryPool pool = new InMemoryPool().add("a", 0, A, MASK_A).add("b", 0, B, MASK_B).add("c", 1, C, MASK_C);
        Background mean = Backgrounds.parse("mean").prepare(pool, org.backdrop.ProgressListener.NONE);

        RgbImage rendered = mean.render(pool.request(0, 1, "mean"));

        assertArrayEquals(new int[] {20, 13, 102}, rendered.rgb(0, 0));
        assertArrayEquals(new int[] {51, 61, 71}, rendered.rgb(1, 0));
        assertArrayEquals(new int[] {32, 32, 89}, rendered.rgb(2, 0));
    }

    @Test
    void mixedSizesAverageOnFixedGrid() {
        InMemoryPool pool = new InMemoryPool()
                .add("small", 0, TestImages.solid(2, 2, 10, 20, 30), new byte[4])
                .add("wide", 0, TestImages.solid(6, 3, 30, 40, 50), new byte[18]);
        Background mean = Backgrounds.parse("mean=4x4").prepare(pool, org.backdrop.ProgressListener.NONE);

        RgbImage rendered = mean.render(pool.request(1, 1, "mean"));

        // Each image fills the 4x4 grid with its colour, so every grid pixel is (20, 30, 40), stretched to 6x3.
        assertEquals(6, rendered.width());
        assertArrayEquals(new int[] {20, 30, 40}, rendered.rgb(5, 2));
    }

    @Test
    void unpreparedMeanIsRejected() {
        InMemoryPool pool = new InMemoryPool().add("a", 0, A, MASK_A);

        assertThrows(IllegalStateException.class, () -> Backgrounds.parse("mean").render(pool.request(0, 1, "mean")));
    }

    private static MeanBackgroundAccumulator accumulateAll() {
        MeanBackgroundAccumulator accumulator = new MeanBackgroundAccumulator(3, 1);
        accumulator.add(A, MASK_A);
        accumulator.add(B, MASK_B);
        accumulator.add(C, MASK_C);
        return accumulator;
    }

    private static RgbImage image(int... values) {
        byte[] pixels = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            pixels[i] = (byte) values[i];
        }
        return new RgbImage(values.length / 3, 1, pixels);
    }
}
