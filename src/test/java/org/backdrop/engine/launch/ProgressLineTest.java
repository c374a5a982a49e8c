package org.backdrop.engine.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

    @Test
    void formatWritesDoneTotalAndMessage() {
        assertEquals("backdrop-progress: 3/10 Rendering red on Spark", new ProgressLine(3, 10, "Rendering red on Spark").format());
        assertEquals("backdrop-progress: 5/-1", new ProgressLine(5, -7, null).format());
        assertEquals("backdrop-progress: 0/2 two lines", new ProgressLine(0, 2, "two\nlines").format());
    }

    @Test
    void parseReadsFormattedLines() {
        assertEquals(Optional.of(new ProgressLine(3, 10, "Rendering red")), ProgressLine.parse("backdrop-progress: 3/10 Rendering red"));
        assertEquals(Optional.of(new ProgressLine(4, -1, "")), ProgressLine.parse("backdrop-progress: 4/-1\r"));
    }

    @Test
    void parseIgnoresOtherLines() {
        assertFalse(ProgressLine.parse("25/12/05 10:00:00 INFO SparkContext: Running Spark version 4.0.1").isPresent());
        assertFalse(ProgressLine.parse("backdrop-progress: three/10").isPresent());
        assertFalse(ProgressLine.parse("backdrop-progress: 99999999999999999999/1").isPresent());
        assertFalse(ProgressLine.parse("").isPresent());
    }

    @Test
    void requestedOnlyForLinesMode() {
        assertTrue(ProgressLine.requested("lines"));
        assertTrue(ProgressLine.requested(" LINES "));
        assertFalse(ProgressLine.requested(null));
        assertFalse(ProgressLine.requested("bar"));
    }
}
