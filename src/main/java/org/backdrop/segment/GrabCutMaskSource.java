package org.backdrop.segment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.backdrop.dataset.Annotation;
import org.backdrop.dataset.BoundingBox;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.Sample;
import org.backdrop.dataset.SampleImages;
import org.backdrop.image.RgbImage;
import org.backdrop.mask.Rle;
import org.opencv.core.Rect;

/**
 * Finds objects with OpenCV's GrabCut, seeded by each annotation box, or for samples without boxes by a
 * centred rectangle. The sample's mask is the union of the objects found.
 *
 * <p>A box that covers the whole image is shrunk by one pixel on each side, because GrabCut needs
 * background pixels outside its rectangle. A box whose GrabCut mask covers less than {@link Options#minBoxFraction()} of the box is rejected,
 * and so is the sample, as the ImageNet-9 backgrounds study did with 10%. GrabCut's k-means start uses
 * OpenCV's random generator. It is seeded from the sample id before every call, so a sample's mask
 * does not depend on the thread or the order in which samples run.
 */
public final class GrabCutMaskSource implements MaskSource {

    /**
     * GrabCut settings.
     *
     * @param iterations GrabCut iterations per box (5 by default)
     * @param margin for samples without boxes, the share of the width and height left outside the
     *     centred rectangle on each side, 0 to below 0.5 (0.1 by default)
     * @param minBoxFraction the smallest share of a box the object must cover, 0 to 1 (0.1 by default)
     */
    public record Options(int iterations, double margin, double minBoxFraction) {

        public Options {
            if (iterations < 1) {
                throw new IllegalArgumentException("GrabCut needs at least 1 iteration, got " + iterations);
            }
            if (!(margin >= 0 && margin < 0.5)) {
                throw new IllegalArgumentException("GrabCut margin must be at least 0 and below 0.5, got " + margin);
            }
            if (!(minBoxFraction >= 0 && minBoxFraction <= 1)) {
                throw new IllegalArgumentException("minimum box fraction must be between 0 and 1, got " + minBoxFraction);
            }
        }

        public static Options defaults() {
            return new Options(5, 0.1, 0.1);
        }
    }

    private final Options options;

    public GrabCutMaskSource(Options options) {
        this.options = options;
    }

    @Override
    public String name() {
        return "grabcut";
    }

    @Override
    public MaskResult compute(Dataset dataset, Sample sample, SampleImages images) throws IOException {
        RgbImage image = images.load(dataset, sample);
        List<Rect> seeds = seedRectangles(sample, image.width(), image.height());
        if (seeds.isEmpty()) {
            return new MaskResult.Rejected("every box is smaller than 2x2 pixels, too small for GrabCut");
        }

        byte[] union = new byte[image.width() * image.height()];
        for (Rect seed : seeds) {
            byte[] found = GrabCut.fromRect(image, seed, options.iterations(), seedFor(sample.id()));
            long inside = 0;
            for (int y = seed.y; y < seed.y + seed.height; y++) {
                for (int x = seed.x; x < seed.x + seed.width; x++) {
                    int index = y * image.width() + x;
                    if (found[index] != 0) {
                        inside++;
                        union[index] = 1;
                    }
                }
            }
            double fraction = (double) inside / ((long) seed.width * seed.height);
            if (fraction < options.minBoxFraction()) {
                return new MaskResult.Rejected(String.format(Locale.ROOT,
                        "GrabCut kept %.1f%% of the box at x=%d y=%d w=%d h=%d, less than the minimum of %.1f%%",
                        100 * fraction, seed.x, seed.y, seed.width, seed.height, 100 * options.minBoxFraction()));
            }
        }
        return new MaskResult.Found(Rle.fromRowMajor(union, image.width(), image.height()));
    }

    /** Returns the integer rectangles GrabCut starts from, clipped to the image, in annotation order. */
    List<Rect> seedRectangles(Sample sample, int width, int height) {
        List<Rect> seeds = new ArrayList<>();
        for (Annotation annotation : sample.annotations()) {
            if (!annotation.crowd()) {
                clippedRect(annotation.box(), width, height).ifPresent(seeds::add);
            }
        }
        if (sample.annotations().isEmpty()) {
            int marginX = (int) Math.round(width * options.margin());
            int marginY = (int) Math.round(height * options.margin());
            clippedRect(new BoundingBox(marginX, marginY, width - 2.0 * marginX, height - 2.0 * marginY), width, height)
                    .ifPresent(seeds::add);
        }
        return seeds;
    }

    private static java.util.Optional<Rect> clippedRect(BoundingBox box, int width, int height) {
        int x0 = Math.max(0, (int) Math.floor(box.x()));
        int y0 = Math.max(0, (int) Math.floor(box.y()));
        int x1 = Math.min(width, (int) Math.ceil(box.x() + box.width()));
        int y1 = Math.min(height, (int) Math.ceil(box.y() + box.height()));
        if (x0 == 0 && y0 == 0 && x1 == width && y1 == height) {
            // GrabCut learns the background colours from pixels outside the rectangle, and fails with none.
            x0 = y0 = 1;
            x1 = width - 1;
            y1 = height - 1;
        }
        if (x1 - x0 < 2 || y1 - y0 < 2) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Rect(x0, y0, x1 - x0, y1 - y0));
    }

    /** Derives OpenCV's random seed from the sample id (FNV-1a), so it is the same on every run. */
    static int seedFor(String sampleId) {
        int hash = 0x811C9DC5;
        for (byte b : sampleId.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xFF;
            hash *= 0x01000193;
        }
        return hash;
    }
}
