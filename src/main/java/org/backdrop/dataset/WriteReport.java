package org.backdrop.dataset;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;

/**
 * The outcome of writing a dataset: the number of samples written and the samples skipped, with reasons.
 *
 * @param written the number of samples written
 * @param skipped the samples left out, each with the sample's image and why; empty when none
 */
public record WriteReport(int written, List<InvalidSample> skipped) {

    public WriteReport {
        skipped = List.copyOf(skipped);
    }

    /** Collects a report while a writer runs. Not thread-safe. */
    public static final class Builder {

        private final Logger log;
        private final List<InvalidSample> skipped = new ArrayList<>();
        private int written;

        /** Creates a builder that logs skipped samples to {@code log}, the writer's logger. */
        public Builder(Logger log) {
            this.log = log;
        }

        /** Counts one sample as written. */
        public void written() {
            written++;
        }

        /** Lists {@code sample} as skipped for {@code reason} and logs a warning naming it. */
        public void skipped(Sample sample, String reason) {
            log.warn("Skipping sample {} ({}): {}", sample.id(), sample.image().describe(), reason);
            skipped.add(new InvalidSample(sample.image().describe(), reason));
        }

        public WriteReport build() {
            return new WriteReport(written, skipped);
        }
    }
}
