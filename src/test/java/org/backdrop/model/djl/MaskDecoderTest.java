package org.backdrop.model.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.backdrop.model.ForegroundMask;
import org.backdrop.model.spec.OutputSpec.Activation;
import org.backdrop.model.spec.TensorLayout;
import org.junit.jupiter.api.Test;

class MaskDecoderTest {

    @Test
    void labelsArgmaxInNchw() {
        // Three classes over a 2 x 2 output, one plane per class. The argmax per pixel is 0, 1, 2, 1.
        float[] logits = {
            5, 0, 0, 0,
            1, 3, 0, 4,
            0, 1, 9, 2};
        MaskDecoder.OutputPlane plane = new MaskDecoder.OutputPlane(logits, 0, 3, 2, 2, TensorLayout.NCHW);

        byte[] mask = MaskDecoder.foregroundFromLabels(plane, Set.of(0));

        assertArrayEquals(new byte[] {0, 1, 1, 1}, mask);
    }

    @Test
    void labelsArgmaxInNhwc() {
        // The same logits with the classes innermost; classes 0 and 2 are background here.
        float[] logits = {5, 1, 0, 0, 3, 1, 0, 0, 9, 0, 4, 2};
        MaskDecoder.OutputPlane plane = new MaskDecoder.OutputPlane(logits, 0, 3, 2, 2, TensorLayout.NHWC);

        byte[] mask = MaskDecoder.foregroundFromLabels(plane, Set.of(0, 2));

        assertArrayEquals(new byte[] {0, 1, 0, 1}, mask);
    }

    @Test
    void labelTieGoesToLowerClass() {
        MaskDecoder.OutputPlane plane = new MaskDecoder.OutputPlane(new float[] {2, 2}, 0, 2, 1, 1, TensorLayout.NCHW);

        assertArrayEquals(new byte[] {0}, MaskDecoder.foregroundFromLabels(plane, Set.of(0)));
    }

    @Test
    void sigmoidThresholdIsStrict() {
        // sigmoid(0) = 0.5 is not above 0.5; sigmoid(0.1) = 0.525 is.
        MaskDecoder.OutputPlane plane = new MaskDecoder.OutputPlane(new float[] {0, 2, -2, 0.1f}, 0, 1, 2, 2, TensorLayout.NHWC);

        byte[] mask = MaskDecoder.foregroundFromProbability(plane, 0, Activation.SIGMOID, 0.5);

        assertArrayEquals(new byte[] {0, 1, 0, 1}, mask);
    }

    @Test
    void softmaxPicksChannel() {
        // Two channels, two pixels: softmax of (0, ln 3) gives 0.75 for channel 1; (ln 3, 0) gives 0.25.
        float ln3 = (float) Math.log(3);
        MaskDecoder.OutputPlane plane = new MaskDecoder.OutputPlane(new float[] {0, ln3, ln3, 0}, 0, 2, 1, 2, TensorLayout.NCHW);

        assertArrayEquals(new byte[] {1, 0}, MaskDecoder.foregroundFromProbability(plane, 1, Activation.SOFTMAX, 0.7));
        assertArrayEquals(new byte[] {1, 1}, MaskDecoder.foregroundFromProbability(plane, 1, Activation.SOFTMAX, 0.2));
    }

    @Test
    void probabilityWithOffset() {
        float[] values = {0.9f, 0.9f, 0.2f, 0.8f};
        MaskDecoder.OutputPlane second = new MaskDecoder.OutputPlane(values, 2, 1, 1, 2, TensorLayout.NCHW);

        assertArrayEquals(new byte[] {0, 1}, MaskDecoder.foregroundFromProbability(second, 0, Activation.NONE, 0.5));
    }

    @Test
    void upsampledLabelsReturnToCifarSize() {
        // A 32 x 32 image stretched to 224 x 224: original pixel x has its centre at input (x + 0.5) * 7,
        // in output column 7x + 3. Foreground only in column 10 therefore marks original column 1.
        byte[] output = new byte[224 * 224];
        for (int y = 0; y < 224; y++) {
            output[y * 224 + 10] = 1;
        }
        ImageTransform stretch = new ImageTransform(32, 32, 224, 224, 7, 7, 0, 0);

        ForegroundMask mask = MaskDecoder.toOriginalSize(output, 224, 224, stretch);

        assertEquals(32, mask.width());
        assertEquals(32, mask.height());
        assertEquals(1, mask.pixels()[5 * 32 + 1]);
        assertEquals(0, mask.pixels()[5 * 32 + 0]);
        assertEquals(0, mask.pixels()[5 * 32 + 2]);
        assertEquals(1.0 / 32, mask.foregroundFraction(), 1e-12);
    }

    @Test
    void smallerOutputScalesToInput() {
        // Output 2 x 2 for a 4 x 4 input of a 4 x 4 image: each output pixel covers a 2 x 2 block.
        byte[] output = {1, 0, 0, 1};
        ImageTransform identity = new ImageTransform(4, 4, 4, 4, 1, 1, 0, 0);

        ForegroundMask mask = MaskDecoder.toOriginalSize(output, 2, 2, identity);

        assertArrayEquals(new byte[] {1, 1, 0, 0, 1, 1, 0, 0, 0, 0, 1, 1, 0, 0, 1, 1}, mask.pixels());
    }

    @Test
    void croppedPixelsAreBackground() {
        // A 4 x 1 image cropped to its middle 2 columns: original columns 0 and 3 fall outside the input.
        ImageTransform crop = new ImageTransform(4, 1, 2, 1, 1, 1, -1, 0);

        ForegroundMask mask = MaskDecoder.toOriginalSize(new byte[] {1, 1}, 2, 1, crop);

        assertArrayEquals(new byte[] {0, 1, 1, 0}, mask.pixels());
    }
}
