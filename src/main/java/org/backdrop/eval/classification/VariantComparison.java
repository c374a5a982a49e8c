package org.backdrop.eval.classification;

import java.util.List;

/**
 * A variant's accuracy against the original's, over the samples both contain.
 *
 * @param pairedSamples the number of sample ids present in both
 * @param originalAccuracy the original's accuracy over the paired samples, from 0 to 1
 * @param variantAccuracy the variant's accuracy over the paired samples, from 0 to 1
 * @param accuracyDrop {@code originalAccuracy - variantAccuracy}; negative when the variant does better
 * @param flips the ids right on the original and wrong on the variant, in the original's order
 */
public record VariantComparison(int pairedSamples, double originalAccuracy, double variantAccuracy, double accuracyDrop, List<String> flips) {

    /** Copies the list. */
    public VariantComparison {
        flips = List.copyOf(flips);
    }
}
