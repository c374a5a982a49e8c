package org.backdrop.background;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.backdrop.image.RgbImage;
import org.junit.jupiter.api.Test;

class CompositorTest {

    /** A 7x1 strip: background on the left three pixels, object on the right four. */
    private static final byte[] STRIP_MASK = {0, 0, 0, 1, 1, 1, 1};

    @Test
    void hardMaskCopiesObjectPixels() {
        RgbImage object = TestImages.coordinates(2, 2);
        byte[] mask = {0, 1, 0, 0};
        RgbImage background = TestImages.solid(2, 2, 255, 0, 0);

        RgbImage out = Compositor.HARD.composite(object, mask, background);

        // Pixel (1, 0) of the coordinates image is (10 * 0 + 1, 100 + 1, 200 - 0).
        assertArrayEquals(new int[] {1, 101, 200}, out.rgb(1, 0));
        assertArrayEquals(new int[] {255, 0, 0}, out.rgb(0, 0));
        assertArrayEquals(new int[] {255, 0, 0}, out.rgb(0, 1));
        assertArrayEquals(new int[] {255, 0, 0}, out.rgb(1, 1));
    }

    @Test
    void hardMaskLeavesInputsUnchanged() {
        RgbImage object = TestImages.coordinates(2, 2);
        RgbImage background = TestImages.solid(2, 2, 255, 0, 0);
        byte[] backgroundBefore = background.pixels().clone();

        Compositor.HARD.composite(object, new byte[] {1, 1, 1, 1}, background);

        assertArrayEquals(backgroundBefore, background.pixels());
    }

    @Test
    void featheredAlphaFollowsGaussianWeights() {
        double[] alpha = Compositor.feathered(1.0).alpha(STRIP_MASK, 7, 1);

        // Sigma 1 gives a 7-tap kernel w(k) = exp(-k^2 / 2) / S for k = -3..3, S = 1 + 2(e^-0.5 + e^-2 + e^-4.5).
        double s = 1 + 2 * (Math.exp(-0.5) + Math.exp(-2) + Math.exp(-4.5));
        // Pixel 3 has mask 1 at offsets 0..3, and pixel 2 at offsets 1..3.
        double expectedAt3 = (1 + Math.exp(-0.5) + Math.exp(-2) + Math.exp(-4.5)) / s;
        double expectedAt2 = (Math.exp(-0.5) + Math.exp(-2) + Math.exp(-4.5)) / s;
        assertEquals(expectedAt3, alpha[3], 1e-9);
        assertEquals(expectedAt2, alpha[2], 1e-9);
    }

    @Test
    void featheredPixelBlendsAndRoundsHalfUp() {
        RgbImage object = TestImages.solid(7, 1, 200, 100, 50);
        RgbImage background = TestImages.solid(7, 1, 40, 40, 40);

        RgbImage out = Compositor.feathered(1.0).composite(object, STRIP_MASK, background);

        // alpha(3) = 0.6995251: 0.6995251 * 200 + 0.3004749 * 40 = 151.924, and so on per channel.
        assertArrayEquals(new int[] {152, 82, 47}, out.rgb(3, 0));
        // alpha(2) = 0.3004749: 88.076, 58.028, 43.005.
        assertArrayEquals(new int[] {88, 58, 43}, out.rgb(2, 0));
    }

    @Test
    void featheredInteriorKeepsOriginalPixels() {
        RgbImage object = TestImages.coordinates(9, 9);
        byte[] mask = new byte[81];
        java.util.Arrays.fill(mask, (byte) 1);
        RgbImage background = TestImages.solid(9, 9, 0, 0, 0);

        RgbImage out = Compositor.feathered(1.5).composite(object, mask, background);

        assertArrayEquals(object.pixels(), out.pixels());
    }

    @Test
    void dilationGrowsMaskByOnePixel() {
        byte[] mask = new byte[25];
        mask[12] = 1;

        double[] alpha = new Compositor(1, 0).alpha(mask, 5, 5);

        // A 3x3 elliptical kernel is the centre and its four edge neighbours.
        double[] expected = new double[25];
        for (int index : new int[] {7, 11, 12, 13, 17}) {
            expected[index] = 1.0;
        }
        assertArrayEquals(expected, alpha);
    }

    @Test
    void roundHalfUpRoundsUpAtHalf() {
        assertEquals(51, Compositor.roundHalfUp(50.5));
        assertEquals(50, Compositor.roundHalfUp(50.49));
        assertEquals(0, Compositor.roundHalfUp(-3.0));
        assertEquals(255, Compositor.roundHalfUp(300.0));
    }

    @Test
    void backgroundOfOtherSizeIsRejected() {
        RgbImage object = TestImages.solid(2, 2, 0, 0, 0);
        RgbImage background = TestImages.solid(3, 2, 0, 0, 0);

        assertThrows(IllegalArgumentException.class, () -> Compositor.HARD.composite(object, new byte[4], background));
    }

    @Test
    void negativeSigmaIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Compositor.feathered(-1));
    }
}
