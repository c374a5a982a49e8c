package org.backdrop.curate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.backdrop.dataset.Annotation;
import org.backdrop.dataset.Sample;

/**
 * A filter over a dataset's samples, as the studio's browse screen offers it. Every criterion is
 * optional; a sample passes when it meets all that are set.
 *
 * @param categoryId the class a sample must have as a label or an annotation
 * @param status the review status a sample must have
 * @param origin where the sample's mask must come from; samples without a mask then fail
 * @param minObjectPixels the minimum number of foreground pixels in the sample's mask; at 0 samples
 *     without a mask pass too, above 0 they fail
 * @param idText text the sample id must contain, ignoring case; blank for any id
 */
public record SampleFilter(OptionalInt categoryId, Optional<ReviewStatus> status, Optional<MaskOrigin> origin,
        long minObjectPixels, String idText) {

    public SampleFilter {
        Objects.requireNonNull(categoryId, "categoryId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(origin, "origin");
        if (minObjectPixels < 0) {
            throw new IllegalArgumentException("minObjectPixels must be 0 or more, was " + minObjectPixels);
        }
        idText = idText == null ? "" : idText.strip().toLowerCase(Locale.ROOT);
    }

    /** Returns the filter that every sample passes. */
    public static SampleFilter all() {
        return new SampleFilter(OptionalInt.empty(), Optional.empty(), Optional.empty(), 0, "");
    }

    /** Returns whether {@code sample} passes, given its review status in {@code review} and its mask in {@code masks}. */
    public boolean test(Sample sample, ReviewState review, SampleMasks masks) {
        if (categoryId.isPresent() && !hasClass(sample, categoryId.getAsInt())) {
            return false;
        }
        if (status.isPresent() && review.status(sample.id()) != status.get()) {
            return false;
        }
        if (origin.isPresent() && !origin.equals(masks.origin(sample.id()))) {
            return false;
        }
        if (minObjectPixels > 0 && masks.objectPixels(sample.id()) < minObjectPixels) {
            return false;
        }
        return idText.isEmpty() || sample.id().toLowerCase(Locale.ROOT).contains(idText);
    }

    /** Returns the samples of {@code samples} that pass, in their order; empty for an empty list. */
    public List<Sample> apply(List<Sample> samples, ReviewState review, SampleMasks masks) {
        List<Sample> passing = new ArrayList<>();
        for (Sample sample : samples) {
            if (test(sample, review, masks)) {
                passing.add(sample);
            }
        }
        return passing;
    }

    /** Returns whether {@code sample} has the class {@code categoryId} as a label or as an annotation's category. */
    public static boolean hasClass(Sample sample, int categoryId) {
        if (sample.labels().contains(categoryId)) {
            return true;
        }
        for (Annotation annotation : sample.annotations()) {
            if (annotation.categoryId() == categoryId) {
                return true;
            }
        }
        return false;
    }
}
