package org.backdrop.model.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class NonMaxSuppressionTest {

    private static final BoxCandidate A = new BoxCandidate(0, 0.9, 0, 0, 10, 10);
    /** Overlaps A: intersection 90, union 110, IoU 0.818. */
    private static final BoxCandidate B = new BoxCandidate(0, 0.8, 1, 0, 11, 10);
    /** Overlaps A: intersection 50, union 150, IoU 1/3. */
    private static final BoxCandidate C = new BoxCandidate(0, 0.7, 5, 0, 15, 10);

    @Test
    void iouOfOverlappingBoxes() {
        assertEquals(90.0 / 110, A.iou(B), 1e-12);
        assertEquals(1.0 / 3, A.iou(C), 1e-12);
        assertEquals(0, A.iou(new BoxCandidate(0, 0.5, 20, 20, 30, 30)));
    }

    @Test
    void suppressesHighOverlap() {
        List<BoxCandidate> kept = NonMaxSuppression.apply(List.of(C, B, A), 0.45, false);

        assertEquals(List.of(A, C), kept);
    }

    @Test
    void otherClassesSurvive() {
        BoxCandidate otherClass = new BoxCandidate(1, 0.8, 1, 0, 11, 10);

        assertEquals(List.of(A, otherClass), NonMaxSuppression.apply(List.of(A, otherClass), 0.45, false));
        assertEquals(List.of(A), NonMaxSuppression.apply(List.of(A, otherClass), 0.45, true));
    }

    @Test
    void emptyInput() {
        assertEquals(List.of(), NonMaxSuppression.apply(List.of(), 0.45, false));
    }
}
