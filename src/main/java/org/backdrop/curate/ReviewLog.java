package org.backdrop.curate;

import java.io.IOException;

/** Where a {@link ReviewState} saves each decision as it is made: a review file or a project store. */
@FunctionalInterface
public interface ReviewLog {

    /** A log that keeps nothing, for review state that lives only in memory. */
    ReviewLog NONE = decision -> {};

    /**
     * Saves {@code decision}; when this returns, the decision is on disk.
     *
     * @throws IOException if it cannot be saved
     */
    void record(ReviewDecision decision) throws IOException;
}
