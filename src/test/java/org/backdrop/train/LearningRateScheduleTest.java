package org.backdrop.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {

    private static final LearningRateSchedule STEP = new LearningRateSchedule(LearningRateSchedule.Kind.STEP, 0.1f, 10, 5);
    private static final LearningRateSchedule COSINE = new LearningRateSchedule(LearningRateSchedule.Kind.COSINE, 0.1f, 10, 5);

    @Test
    void stepDropsAtHalf() {
        assertEquals(0.1f, STEP.rate(24), 1e-7);
        assertEquals(0.01f, STEP.rate(25), 1e-7);
    }

    @Test
    void stepDropsAtThreeQuarters() {
        // 3/4 of 10 epochs rounds down to epoch index 7, which starts at step 35.
        assertEquals(0.01f, STEP.rate(34), 1e-8);
        assertEquals(0.001f, STEP.rate(35), 1e-8);
    }

    @Test
    void cosineHalfwayIsHalf() {
        assertEquals(0.1f, COSINE.rate(0), 1e-7);
        assertEquals(0.05f, COSINE.rate(25), 1e-7);
        assertEquals(0f, COSINE.rate(50), 1e-7);
    }
}
