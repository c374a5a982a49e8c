package org.backdrop.segment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.backdrop.ProgressListener;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.InvalidSample;
import org.backdrop.dataset.Sample;
import org.backdrop.dataset.SampleImages;
import org.backdrop.mask.Rle;

/**
 * Chooses the samples a job keeps and their masks: from a masks file or a mask source, then
 * through the filter. Skipped samples keep their reason.
 *
 * @param samples the kept samples, in dataset order
 * @param masks their masks, one per kept sample
 * @param skipped the samples left out, in dataset order
 */
public record MaskPlan(List<Sample> samples, List<Rle> masks, List<InvalidSample> skipped) {

    /** Takes each sample's mask from {@code stored}, keyed by sample id. */
    public static MaskPlan fromFile(Dataset dataset, Map<String, MasksFile.Entry> stored, MaskFilter filter) {
        Builder builder = new Builder();
        for (Sample sample : dataset.samples()) {
            if (!filter.admits(sample)) {
                builder.skip(sample, "not in the curated list");
                continue;
            }
            MasksFile.Entry entry = stored.get(sample.id());
            if (entry == null) {
                builder.skip(sample, "the masks file has no mask for this sample");
            } else {
                builder.offer(sample, entry.mask(), filter);
            }
        }
        return builder.build();
    }

    /** Computes each sample's mask with {@code source} on {@code executor}; the result is in dataset order. */
    public static MaskPlan compute(Dataset dataset, MaskSource source, SampleImages images, MaskFilter filter, ExecutorService executor,
            ProgressListener progress) throws InterruptedException {
        List<Sample> samples = dataset.samples();
        AtomicLong done = new AtomicLong();
        List<Future<MaskResult>> results = new ArrayList<>(samples.size());
        for (Sample sample : samples) {
            if (!filter.admits(sample)) {
                results.add(null);
                continue;
            }
            results.add(executor.submit(() -> {
                if (progress.isCancelled()) {
                    return new MaskResult.Rejected("cancelled before its mask was computed");
                }
                try {
                    return source.compute(dataset, sample, images);
                } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
                    return new MaskResult.Rejected("no mask: " + e.getMessage());
                } finally {
                    progress.progress(done.incrementAndGet(), samples.size(), "Computing masks (" + source.name() + ")");
                }
            }));
        }

        Builder builder = new Builder();
        for (int i = 0; i < samples.size(); i++) {
            Sample sample = samples.get(i);
            Future<MaskResult> result = results.get(i);
            if (result == null) {
                builder.skip(sample, "not in the curated list");
                continue;
            }
            try {
                MaskResult outcome = result.get();
                if (outcome instanceof MaskResult.Found found) {
                    builder.offer(sample, found.mask(), filter);
                } else {
                    builder.skip(sample, ((MaskResult.Rejected) outcome).reason());
                }
            } catch (ExecutionException e) {
                throw new IllegalStateException("computing the mask of sample " + sample.id() + " failed: " + e.getCause(), e.getCause());
            }
        }
        return builder.build();
    }

    private static final class Builder {
        private final List<Sample> samples = new ArrayList<>();
        private final List<Rle> masks = new ArrayList<>();
        private final List<InvalidSample> skipped = new ArrayList<>();

        void offer(Sample sample, Rle mask, MaskFilter filter) {
            Optional<String> rejection = filter.rejectionReason(mask);
            if (rejection.isPresent()) {
                skip(sample, rejection.get());
            } else {
                samples.add(sample);
                masks.add(mask);
            }
        }

        void skip(Sample sample, String reason) {
            skipped.add(new InvalidSample(sample.image().describe(), reason));
        }

        MaskPlan build() {
            return new MaskPlan(samples, masks, skipped);
        }
    }
}
