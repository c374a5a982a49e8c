package org.backdrop.train.external;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricPatternTest {

    @Test
    void nameValueGroupsFindEveryMatch() {
        MetricPattern pattern = MetricPattern.compile("(?<name>loss|bbox_mAP): (?<value>[0-9.]+)");

        MetricRecord record = pattern.parse(7, "Epoch(val) [3] loss: 0.25, bbox_mAP: 0.412").orElseThrow();

        assertEquals(Map.of("loss", 0.25, "bbox_mAP", 0.412), record.values());
        assertEquals(7, record.line());
        assertNull(record.epoch());
    }

    @Test
    void namedMetricGroupsWithEpoch() {
        MetricPattern pattern = MetricPattern.compile("Epoch (?<epoch>\\d+).*loss (?<loss>[0-9.]+)(?:.*mAP (?<mAP>[0-9.]+))?");

        MetricRecord record = pattern.parse(1, "Epoch 12 ... loss 1.5").orElseThrow();

        assertEquals(12, record.epoch());
        assertEquals(Map.of("loss", 1.5), record.values());
    }

    @Test
    void lineWithoutMetricGivesNothing() {
        assertTrue(MetricPattern.compile("loss=(?<loss>[0-9.]+)").parse(1, "loading annotations").isEmpty());
    }

    @Test
    void patternWithoutMetricGroupIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> MetricPattern.compile("Epoch (?<epoch>\\d+)"));
    }

    @Test
    void invalidRegexIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> MetricPattern.compile("loss=(?<loss>[0-9."));
    }
}
