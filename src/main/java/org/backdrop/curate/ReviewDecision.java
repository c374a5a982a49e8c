package org.backdrop.curate;

import java.time.Instant;
import java.util.Objects;

/**
 * One review decision as the log records it.
 *
 * @param sampleId the sample's id in its dataset
 * @param status the status the sample has from this decision on
 * @param time when the decision was made (UTC)
 * @param undo true when the decision restores the status that an earlier one replaced
 */
public record ReviewDecision(String sampleId, ReviewStatus status, Instant time, boolean undo) {

    public ReviewDecision {
        Objects.requireNonNull(sampleId, "sampleId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(time, "time");
    }
}
