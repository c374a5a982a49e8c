package org.backdrop.model.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TorchvisionDetectionDecoderTest {

    @Test
    void keepsScoresAboveThreshold() {
        float[] boxes = {1, 2, 3, 4, 5, 6, 7, 8};
        long[] labels = {17, 3};
        float[] scores = {0.9f, 0.04f};

        List<BoxCandidate> kept = TorchvisionDetectionDecoder.decode(boxes, labels, scores, 0.05);

        assertEquals(List.of(new BoxCandidate(17, 0.9f, 1, 2, 3, 4)), kept);
    }

    @Test
    void mismatchedLengthsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> TorchvisionDetectionDecoder.decode(new float[8], new long[1], new float[2], 0.05));
    }
}
