package org.backdrop.dataset.coco;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SegmentationBufferTest {

    private static long centi(String text) {
        return SegmentationBuffer.parseCenti(text.toCharArray(), 0, text.length());
    }

    @Test
    void parsesWholeHundredths() {
        assertEquals(12345, centi("123.45"));
        assertEquals(45730, centi("457.3"));
        assertEquals(34000, centi("340"));
        assertEquals(34000, centi("340.0"));
        assertEquals(-450, centi("-4.5"));
        assertEquals(5, centi("0.05"));
        assertEquals(12340, centi("123.4000"));
    }

    @Test
    void rejectsOtherNumbers() {
        assertEquals(SegmentationBuffer.NOT_CENTI, centi("250.8142292490119"));
        assertEquals(SegmentationBuffer.NOT_CENTI, centi("1e2"));
        assertEquals(SegmentationBuffer.NOT_CENTI, centi("-0.0"));
        assertEquals(SegmentationBuffer.NOT_CENTI, centi("-0"));
        assertEquals(SegmentationBuffer.NOT_CENTI, centi("21474836.48"));
        assertEquals(SegmentationBuffer.NOT_CENTI, centi("1."));
        assertEquals(SegmentationBuffer.NOT_CENTI, centi(""));
    }

    @Test
    void hundredthsDivideToParsedDouble() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            int whole = random.nextInt(100_000) - 50_000;
            int fraction = random.nextInt(100);
            String text = (whole < 0 ? "-" : "") + Math.abs(whole) + "." + (fraction < 10 ? "0" : "") + fraction;
            if (text.equals("-0.00")) {
                continue;
            }
            long value = centi(text);
            assertEquals(Double.parseDouble(text), value / 100.0, text);
        }
    }
}
