package org.backdrop.model.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.backdrop.image.RgbImage;
import org.backdrop.model.spec.ColorOrder;
import org.backdrop.model.spec.InputSpec;
import org.backdrop.model.spec.Interpolation;
import org.backdrop.model.spec.Preprocessing;
import org.backdrop.model.spec.ResizeRule;
import org.backdrop.model.spec.TensorLayout;
import org.junit.jupiter.api.Test;

class ImagePreprocessorTest {

    /** Pixels (255, 0, 0) and (0, 128, 255), one row. */
    private static final RgbImage TWO_PIXELS = new RgbImage(2, 1, new byte[] {(byte) 255, 0, 0, 0, (byte) 128, (byte) 255});

    /** (128 / 255 - 0.5) / 0.5 = 1 / 255. */
    private static final float MID = 1f / 255;

    @Test
    void normalisesInNchw() {
        ImagePreprocessor preprocessor = new ImagePreprocessor(input(1, 1, 2, TensorLayout.NCHW), halfMeanHalfStd(ColorOrder.RGB));

        ImagePreprocessor.PreparedBatch batch = preprocessor.prepare(List.of(TWO_PIXELS));

        assertArrayEquals(new long[] {1, 3, 1, 2}, batch.shape());
        assertArrayEquals(new float[] {1, -1, -1, MID, -1, 1}, batch.values(), 1e-6f);
    }

    @Test
    void normalisesInNhwc() {
        ImagePreprocessor preprocessor = new ImagePreprocessor(input(1, 1, 2, TensorLayout.NHWC), halfMeanHalfStd(ColorOrder.RGB));

        ImagePreprocessor.PreparedBatch batch = preprocessor.prepare(List.of(TWO_PIXELS));

        assertArrayEquals(new long[] {1, 1, 2, 3}, batch.shape());
        assertArrayEquals(new float[] {1, -1, -1, -1, MID, 1}, batch.values(), 1e-6f);
    }

    @Test
    void bgrReversesChannels() {
        ImagePreprocessor preprocessor = new ImagePreprocessor(input(1, 1, 2, TensorLayout.NCHW), halfMeanHalfStd(ColorOrder.BGR));

        ImagePreprocessor.PreparedBatch batch = preprocessor.prepare(List.of(TWO_PIXELS));

        assertArrayEquals(new float[] {-1, 1, -1, MID, 1, -1}, batch.values(), 1e-6f);
    }

    @Test
    void perChannelMeanAndStd() {
        Preprocessing preprocessing = new Preprocessing(ColorOrder.RGB, 1.0, List.of(10.0, 20.0, 30.0), List.of(2.0, 4.0, 5.0),
                new ResizeRule.Stretch(), Interpolation.BILINEAR);
        RgbImage pixel = new RgbImage(1, 1, new byte[] {30, 40, 80});

        float[] values = new ImagePreprocessor(input(1, 1, 1, TensorLayout.NCHW), preprocessing).prepare(List.of(pixel)).values();

        assertArrayEquals(new float[] {10, 5, 10}, values, 1e-6f);
    }

    @Test
    void batchPlacesImagesInOrder() {
        ImagePreprocessor preprocessor = new ImagePreprocessor(input(-1, 1, 1, TensorLayout.NCHW), unscaled(new ResizeRule.Stretch()));
        RgbImage first = new RgbImage(1, 1, new byte[] {1, 2, 3});
        RgbImage second = new RgbImage(1, 1, new byte[] {4, 5, 6});

        ImagePreprocessor.PreparedBatch batch = preprocessor.prepare(List.of(first, second));

        assertArrayEquals(new long[] {2, 3, 1, 1}, batch.shape());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, batch.values());
    }

    @Test
    void cifarUpsampledForDeepLab() {
        Preprocessing preprocessing = new Preprocessing(ColorOrder.RGB, 1.0 / 255, List.of(0.5, 0.5, 0.5), List.of(0.5, 0.5, 0.5),
                new ResizeRule.Stretch(), Interpolation.BILINEAR);
        byte[] pixels = new byte[32 * 32 * 3];
        for (int i = 0; i < pixels.length; i += 3) {
            pixels[i] = 51;
            pixels[i + 1] = (byte) 204;
            pixels[i + 2] = 0;
        }

        ImagePreprocessor.PreparedBatch batch = new ImagePreprocessor(input(1, 224, 224, TensorLayout.NCHW), preprocessing)
                .prepare(List.of(new RgbImage(32, 32, pixels)));

        int plane = 224 * 224;
        assertArrayEquals(new long[] {1, 3, 224, 224}, batch.shape());
        // 51 / 255 = 0.2 gives (0.2 - 0.5) / 0.5 = -0.6; 204 / 255 = 0.8 gives 0.6; 0 gives -1.
        assertEquals(-0.6f, batch.values()[0], 1e-6f);
        assertEquals(-0.6f, batch.values()[plane - 1], 1e-6f);
        assertEquals(0.6f, batch.values()[plane + 1000], 1e-6f);
        assertEquals(-1f, batch.values()[2 * plane + 5000], 1e-6f);
        assertEquals(new ImageTransform(32, 32, 224, 224, 7, 7, 0, 0), batch.transforms().get(0));
    }

    @Test
    void nearestStretchRepeatsPixels() {
        RgbImage image = new RgbImage(2, 1, new byte[] {10, 0, 0, 20, 0, 0});
        Preprocessing nearest = new Preprocessing(ColorOrder.RGB, 1.0, List.of(0.0, 0.0, 0.0), List.of(1.0, 1.0, 1.0),
                new ResizeRule.Stretch(), Interpolation.NEAREST);

        float[] values = new ImagePreprocessor(input(1, 2, 4, TensorLayout.NCHW), nearest).prepare(List.of(image)).values();

        float[] red = Arrays.copyOfRange(values, 0, 8);
        assertArrayEquals(new float[] {10, 10, 20, 20, 10, 10, 20, 20}, red);
    }

    @Test
    void shorterSideCropTakesCentre() {
        // 8 x 4 image whose red value is 10 * x + y. Shorter side 4 -> 2 gives 4 x 2; nearest picks source
        // columns 0, 2, 4, 6 and rows 0, 2; the 2 x 2 centre crop starts at column round(1.0) = 1.
        byte[] pixels = new byte[8 * 4 * 3];
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 8; x++) {
                pixels[(y * 8 + x) * 3] = (byte) (10 * x + y);
            }
        }
        ImagePreprocessor preprocessor = new ImagePreprocessor(input(1, 2, 2, TensorLayout.NCHW),
                new Preprocessing(ColorOrder.RGB, 1.0, List.of(0.0, 0.0, 0.0), List.of(1.0, 1.0, 1.0),
                        new ResizeRule.ShorterSideCrop(2, 2, 2), Interpolation.NEAREST));

        ImagePreprocessor.PreparedBatch batch = preprocessor.prepare(List.of(new RgbImage(8, 4, pixels)));

        assertArrayEquals(new float[] {20, 40, 22, 42}, Arrays.copyOfRange(batch.values(), 0, 4));
        assertEquals(new ImageTransform(8, 4, 2, 2, 0.5, 0.5, -1, 0), batch.transforms().get(0));
    }

    @Test
    void letterboxPadsCentred() {
        RgbImage image = new RgbImage(2, 1, new byte[] {10, 10, 10, 20, 20, 20});
        ImagePreprocessor preprocessor = new ImagePreprocessor(input(1, 4, 4, TensorLayout.NCHW),
                new Preprocessing(ColorOrder.RGB, 1.0, List.of(0.0, 0.0, 0.0), List.of(1.0, 1.0, 1.0),
                        new ResizeRule.Letterbox(114), Interpolation.NEAREST));

        ImagePreprocessor.PreparedBatch batch = preprocessor.prepare(List.of(image));

        // The image doubles to 4 x 2 and sits on rows 1 and 2.
        float[] red = Arrays.copyOfRange(batch.values(), 0, 16);
        assertArrayEquals(new float[] {114, 114, 114, 114, 10, 10, 20, 20, 10, 10, 20, 20, 114, 114, 114, 114}, red);
        assertEquals(new ImageTransform(2, 1, 4, 4, 2, 2, 0, 1), batch.transforms().get(0));
    }

    @Test
    void emptyBatchRejected() {
        ImagePreprocessor preprocessor = new ImagePreprocessor(input(1, 1, 2, TensorLayout.NCHW), halfMeanHalfStd(ColorOrder.RGB));

        assertThrows(IllegalArgumentException.class, () -> preprocessor.prepare(List.of()));
    }

    private static InputSpec input(long batch, long height, long width, TensorLayout layout) {
        List<Long> shape = layout == TensorLayout.NCHW ? List.of(batch, 3L, height, width) : List.of(batch, height, width, 3L);
        return new InputSpec("x", shape, layout);
    }

    private static Preprocessing halfMeanHalfStd(ColorOrder order) {
        return new Preprocessing(order, 1.0 / 255, List.of(0.5, 0.5, 0.5), List.of(0.5, 0.5, 0.5), new ResizeRule.Stretch(), Interpolation.BILINEAR);
    }

    private static Preprocessing unscaled(ResizeRule rule) {
        return new Preprocessing(ColorOrder.RGB, 1.0, List.of(0.0, 0.0, 0.0), List.of(1.0, 1.0, 1.0), rule, Interpolation.BILINEAR);
    }
}
