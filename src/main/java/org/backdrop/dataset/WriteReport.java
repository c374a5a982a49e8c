package org.backdrop.dataset;

import java.util.List;

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
}
