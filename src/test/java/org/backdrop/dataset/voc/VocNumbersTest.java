package org.backdrop.dataset.voc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.backdrop.dataset.BoundingBox;
import org.junit.jupiter.api.Test;

class VocNumbersTest {

    @Test
    void wholeNumberHasNoDecimalPoint() {
        assertEquals("191", VocNumbers.format(191.0));
        assertEquals("0", VocNumbers.format(0.0));
    }

    @Test
    void fractionKeepsEveryDigit() {
        assertEquals("107.36900369003689", VocNumbers.format(107.36900369003689));
        assertEquals(107.36900369003689, VocNumbers.parse(VocNumbers.format(107.36900369003689)));
    }

    @Test
    void smallFractionIsPlainDecimal() {
        assertEquals("0.00001", VocNumbers.format(1e-5));
    }

    @Test
    void integerCornersStayIntegers() {
        double[] corners = VocNumbers.corners(BoundingBox.fromVoc(48, 40, 195, 171));

        assertEquals(48, corners[0]);
        assertEquals(40, corners[1]);
        assertEquals(195, corners[2]);
        assertEquals(171, corners[3]);
    }

    @Test
    void fractionalCornersReadBackExactly() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            double xmin = random.nextDouble() * 600;
            double ymin = random.nextDouble() * 600;
            BoundingBox box = BoundingBox.fromVoc(xmin, ymin, xmin + random.nextDouble() * 400, ymin + random.nextDouble() * 400);

            double[] corners = VocNumbers.corners(box);

            assertEquals(box, BoundingBox.fromVoc(corners[0], corners[1], corners[2], corners[3]), "box " + i);
        }
    }
}
