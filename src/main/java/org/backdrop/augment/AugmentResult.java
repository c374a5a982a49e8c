package org.backdrop.augment;

import java.nio.file.Path;
import java.util.List;
import org.backdrop.dataset.InvalidSample;

/**
 * The outcome of an augmentation run: the datasets it wrote, the samples it skipped and its manifest.
 *
 * @param variants one entry per output dataset, the combined set last when there is one
 * @param skipped every sample left out, with the reason, in dataset order
 * @param manifest the manifest file
 */
public record AugmentResult(List<Variant> variants, List<InvalidSample> skipped, Path manifest) {

    /**
     * One output dataset.
     *
     * @param name the variant's name, which is also its folder name
     * @param images the number of images in it
     * @param dir its folder
     */
    public record Variant(String name, int images, Path dir) {}

    public AugmentResult {
        variants = List.copyOf(variants);
        skipped = List.copyOf(skipped);
    }
}
