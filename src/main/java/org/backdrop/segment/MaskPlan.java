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
                    return computeOne(dataset, source, sample, images);
                } finally {
                    progress.progress(done.incrementAndGet(), samples.size(), "Computing masks (" + source.name() + ")");
                }
            }));
        }

        List<MaskResult> outcomes = new ArrayList<>(samples.size());
        for (int i = 0; i < samples.size(); i++) {
            Future<MaskResult> result = results.get(i);
            try {
                outcomes.add(result == null ? null : result.get());
            } catch (ExecutionException e) {
                throw new IllegalStateException("computing the mask of sample " + samples.get(i).id() + " failed: " + e.getCause(), e.getCause());
            }
        }
        return fromResults(dataset, filter, outcomes);
    }

    /**
     * Computes one sample's mask: the work of one sample, which every engine (local threads, Spark
     * executors) calls, so that their masks are the same. A sample whose pixels or mask cannot be
     * computed is rejected with the reason.
     */
    public static MaskResult computeOne(Dataset dataset, MaskSource source, Sample sample, SampleImages images) {
        try {
            return source.compute(dataset, sample, images);
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            return new MaskResult.Rejected("no mask: " + e.getMessage());
        }
    }

    /**
     * Builds the plan from each sample's result, computed elsewhere: {@code results} contains one entry
     * per sample of {@code dataset}, in order, null for samples the filter does not admit.
     */
    public static MaskPlan fromResults(Dataset dataset, MaskFilter filter, List<MaskResult> results) {
        List<Sample> samples = dataset.samples();
        if (results.size() != samples.size()) {
            throw new IllegalArgumentException(samples.size() + " samples but " + results.size() + " mask results");
        }
        Builder builder = new Builder();
        for (int i = 0; i < samples.size(); i++) {
            Sample sample = samples.get(i);
            MaskResult outcome = results.get(i);
            if (outcome == null) {
                builder.skip(sample, "not in the curated list");
            } else if (outcome instanceof MaskResult.Found found) {
                builder.offer(sample, found.mask(), filter);
            } else {
                builder.skip(sample, ((MaskResult.Rejected) outcome).reason());
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
