package org.backdrop.augment;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.backdrop.segment.MaskFilter;

/**
 * The settings of an augmentation run.
 *
 * @param backgrounds background method names as {@link org.backdrop.background.Backgrounds#parse} reads
 *     them, one output dataset each
 * @param masksFile a masks file written by {@code backdrop masks} or the studio; when present, its masks
 *     are used and {@code maskSource} is ignored
 * @param maskSource {@code annotations}, {@code grabcut}, or empty to choose: the annotations when the
 *     dataset has masks, else GrabCut
 * @param filter which samples and masks to keep
 * @param featherSigma the Gaussian sigma in pixels that softens the mask edge, 0 for a hard mask
 * @param dilation pixels to grow the mask by before compositing, 0 for none
 * @param combine variants (and {@code original}) to join into one training set under {@code combined/};
 *     empty for none
 * @param seed the run seed; with the same input and options it fixes every output byte
 * @param threads how many samples are processed at once, at least 1; the output does not depend on it
 */
public record AugmentOptions(
        List<String> backgrounds,
        Optional<Path> masksFile,
        Optional<String> maskSource,
        MaskFilter filter,
        double featherSigma,
        int dilation,
        List<String> combine,
        long seed,
        int threads) {

    /** The name that stands for the unchanged images in {@link #combine()}. */
    public static final String ORIGINAL = "original";

    public AugmentOptions {
        backgrounds = List.copyOf(backgrounds);
        combine = List.copyOf(combine);
        if (backgrounds.isEmpty()) {
            throw new IllegalArgumentException("no background given; name at least one, such as red or mean");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        if (!(featherSigma >= 0) || dilation < 0) {
            throw new IllegalArgumentException("feathering sigma and dilation must not be negative");
        }
    }
}
