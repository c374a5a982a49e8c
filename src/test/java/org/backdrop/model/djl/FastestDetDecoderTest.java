package org.backdrop.model.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class FastestDetDecoderTest {

    /**
     * A 1 x 2 grid with two classes, channel planes of two cells: objectness, x, y, width, height, class 0,
     * class 1. Cell 1 has tanh(x) = tanh(y) = 0.5, sigmoid(width) = 0.2 and sigmoid(height) = 0.4; cell 0
     * scores too low.
     */
    private static float[] grid() {
        float half = (float) (0.5 * Math.log(3));
        float width = (float) Math.log(0.2 / 0.8);
        float height = (float) Math.log(0.4 / 0.6);
        return new float[] {
            0.1f, 0.9f,
            0, half,
            0, half,
            0, width,
            0, height,
            0.3f, 0.1f,
            0.2f, 0.5f};
    }

    @Test
    void decodesCellAboveThreshold() {
        List<BoxCandidate> boxes = FastestDetDecoder.decode(grid(), 0, 7, 1, 2, 100, 50, 0.65);

        // centre x (1 + 0.5) / 2 * 100 = 75, width 20; centre y (0 + 0.5) / 1 * 50 = 25, height 20;
        // score 0.9^0.6 * 0.5^0.4 = 0.938740 * 0.757858 = 0.711428.
        assertEquals(1, boxes.size());
        BoxCandidate box = boxes.get(0);
        assertEquals(1, box.classIndex());
        assertEquals(0.711428, box.score(), 1e-5);
        assertEquals(65, box.x1(), 1e-4);
        assertEquals(15, box.y1(), 1e-4);
        assertEquals(85, box.x2(), 1e-4);
        assertEquals(35, box.y2(), 1e-4);
    }

    @Test
    void lowerThresholdKeepsBothCells() {
        // Cell 0: 0.1^0.6 * 0.3^0.4 = 0.251189 * 0.617801 = 0.155184.
        List<BoxCandidate> boxes = FastestDetDecoder.decode(grid(), 0, 7, 1, 2, 100, 50, 0.1);

        assertEquals(2, boxes.size());
        assertEquals(0, boxes.get(0).classIndex());
        assertEquals(0.155184, boxes.get(0).score(), 1e-5);
    }
}
