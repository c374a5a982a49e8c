package org.backdrop.augment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.backdrop.background.Background;
import org.backdrop.background.BackgroundRequest;
import org.backdrop.background.BackgroundUnavailableException;
import org.backdrop.background.Compositor;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.Sample;
import org.backdrop.dataset.SampleImages;
import org.backdrop.image.RgbImage;

/**
 * The pixels of one variant: each sample's object composited onto the variant's background. A writer
 * requests samples one at a time; the next {@code lookahead} samples are rendered on the pool's threads
 * meanwhile. Every image depends only on the run seed, the sample id and the variant, so the bytes do
 * not depend on how many threads render them.
 */
final class VariantImages implements SampleImages {

    private final AugmentPool pool;
    private final Background background;
    private final Compositor compositor;
    private final long seed;
    private final ExecutorService executor;
    private final int lookahead;
    private final Map<String, Integer> indexById = new HashMap<>();
    private final Map<Integer, Future<RgbImage>> pending = new ConcurrentHashMap<>();

    VariantImages(AugmentPool pool, Background background, Compositor compositor, long seed, ExecutorService executor, int lookahead) {
        this.pool = pool;
        this.background = background;
        this.compositor = compositor;
        this.seed = seed;
        this.executor = executor;
        this.lookahead = Math.max(1, lookahead);
        for (int i = 0; i < pool.size(); i++) {
            indexById.put(pool.id(i), i);
        }
    }

    @Override
    public RgbImage load(Dataset dataset, Sample sample) throws IOException {
        Integer index = indexById.get(sample.id());
        if (index == null) {
            throw new IOException("sample " + sample.id() + " is not part of this augmentation");
        }
        for (int ahead = index; ahead < Math.min(pool.size(), index + lookahead); ahead++) {
            int next = ahead;
            pending.computeIfAbsent(next, key -> executor.submit(() -> render(next)));
        }
        try {
            return pending.remove(index).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while rendering sample " + sample.id(), e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof BackgroundUnavailableException unavailable) {
                // Writers skip a sample whose pixels cannot be loaded and list it with this reason.
                throw new IOException(unavailable.getMessage(), unavailable);
            }
            if (cause instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException("rendering sample " + sample.id() + " failed: " + cause, cause);
        }
    }

    /** Variant images exist only in memory, so writers always encode them. */
    @Override
    public Optional<Path> file(Dataset dataset, Sample sample) {
        return Optional.empty();
    }

    RgbImage render(int index) {
        return background.compose(BackgroundRequest.of(pool, index, seed, background.name()), compositor);
    }

    /** Cancels renders still queued, for example after the writer failed. */
    void discardPending() {
        pending.values().forEach(future -> future.cancel(true));
        pending.clear();
    }
}
