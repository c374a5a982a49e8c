package org.backdrop.train.external;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The metrics parsed from one output line of an external trainer.
 *
 * @param line the line's number in the trainer's combined output, counted from 1
 * @param epoch the epoch the line names, or null when the pattern has no {@code epoch} group or it did not match
 * @param values metric values by name, in the order the pattern found them
 */
public record MetricRecord(long line, Integer epoch, Map<String, Double> values) {

    public MetricRecord {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
