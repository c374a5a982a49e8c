package org.backdrop.segment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.backdrop.dataset.Sample;
import org.backdrop.mask.Rle;

/**
 * Keeps only well-segmented samples: enough object pixels, a large enough object fraction, and, when a
 * curated list is given, only the samples a person accepted.
 *
 * @param minObjectPixels the fewest foreground pixels a mask may have (0 keeps all). Keeping CIFAR-10
 *     images with at least 150 of 1,024 object pixels is a common choice
 * @param minObjectFraction the smallest foreground share of the image, 0 to 1 (0 keeps all)
 * @param curatedIds sample ids to keep, or empty to keep every id
 */
public record MaskFilter(long minObjectPixels, double minObjectFraction, Optional<Set<String>> curatedIds) {

    public MaskFilter {
        if (minObjectPixels < 0) {
            throw new IllegalArgumentException("minimum object pixels must not be negative, got " + minObjectPixels);
        }
        if (!(minObjectFraction >= 0 && minObjectFraction <= 1)) {
            throw new IllegalArgumentException("minimum object fraction must be between 0 and 1, got " + minObjectFraction);
        }
        curatedIds = curatedIds.map(Set::copyOf);
    }

    /** Returns a filter that keeps every sample. */
    public static MaskFilter none() {
        return new MaskFilter(0, 0, Optional.empty());
    }

    /** Returns this filter keeping only the ids listed in {@code curatedFile}. */
    public MaskFilter withCuratedList(Path curatedFile) throws IOException {
        return new MaskFilter(minObjectPixels, minObjectFraction, Optional.of(readCuratedList(curatedFile)));
    }

    /** Returns true when {@code sample} may be processed at all, before its mask is computed. */
    public boolean admits(Sample sample) {
        return curatedIds.map(ids -> ids.contains(sample.id())).orElse(true);
    }

    /** Returns why {@code mask} is rejected, or empty when it is kept. */
    public Optional<String> rejectionReason(Rle mask) {
        long area = mask.area();
        if (area < minObjectPixels) {
            return Optional.of("the mask has " + area + " object pixels, fewer than the minimum of " + minObjectPixels);
        }
        long pixels = (long) mask.width() * mask.height();
        double fraction = pixels == 0 ? 0 : (double) area / pixels;
        if (fraction < minObjectFraction) {
            return Optional.of(String.format(java.util.Locale.ROOT,
                    "the object covers %.4f of the image, less than the minimum of %.4f", fraction, minObjectFraction));
        }
        return Optional.empty();
    }

    /**
     * Reads a curated list: one sample id per line; blank lines and lines starting with {@code #} are
     * ignored, and surrounding spaces are trimmed.
     */
    public static Set<String> readCuratedList(Path file) throws IOException {
        Set<String> ids = new LinkedHashSet<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String id = line.strip();
            if (!id.isEmpty() && !id.startsWith("#")) {
                ids.add(id);
            }
        }
        return ids;
    }
}
