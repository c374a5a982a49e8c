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
import java.util.concurrent.atomic.AtomicInteger;
import org.backdrop.background.Background;
import org.backdrop.background.BackgroundUnavailableException;
import org.backdrop.background.Compositor;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.Sample;
import org.backdrop.dataset.SampleImages;
import org.backdrop.image.RgbImage;

/**
 * The pixels of one variant: each sample's object composited onto the variant's background. A writer
 * requests samples one at a time; samples are rendered in chunks of {@link #CHUNK} on the executor's
 * threads, a few chunks ahead of the writer, so that scheduling costs little per sample. Every image depends only on the run seed, the sample id and the variant, so the bytes do
 * not depend on how many threads render them.
 */
final class VariantImages implements SampleImages {

    /** Samples rendered by one task. */
    static final int CHUNK = 128;

    private final AugmentPool pool;
    private final Background background;
    private final Compositor compositor;
    private final long seed;
    private final ExecutorService executor;
    private final int chunksAhead;
    private final Map<String, Integer> indexById = new HashMap<>();
    private final Map<Integer, Chunk> pending = new ConcurrentHashMap<>();
    private final BackgroundSources sources;

    /** A rendered chunk, dropped once the writer has taken each of its samples. */
    private record Chunk(Future<RgbImage[]> images, AtomicInteger remaining) {}

    VariantImages(AugmentPool pool, Background background, Compositor compositor, long seed, ExecutorService executor, int chunksAhead) {
        this.pool = pool;
        this.background = background;
        this.compositor = compositor;
        this.seed = seed;
        this.executor = executor;
        this.chunksAhead = Math.max(1, chunksAhead);
        this.sources = new BackgroundSources(pool.size());
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
        int chunkIndex = index / CHUNK;
        int lastChunk = (pool.size() - 1) / CHUNK;
        for (int ahead = chunkIndex; ahead <= Math.min(lastChunk, chunkIndex + chunksAhead); ahead++) {
            int first = ahead * CHUNK;
            int count = Math.min(CHUNK, pool.size() - first);
            pending.computeIfAbsent(ahead, key -> new Chunk(executor.submit(() -> render(first, count)), new AtomicInteger(count)));
        }
        Chunk chunk = pending.get(chunkIndex);
        try {
            RgbImage image = chunk.images().get()[index - chunkIndex * CHUNK];
            if (image == null) {
                throw failure(chunk, index);
            }
            if (chunk.remaining().decrementAndGet() == 0) {
                pending.remove(chunkIndex);
            }
            return image;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while rendering sample " + sample.id(), e);
        } catch (ExecutionException e) {
            throw new IOException("rendering sample " + sample.id() + " failed: " + e.getCause(), e.getCause());
        }
    }

    /** Variant images exist only in memory, so writers always encode them. */
    @Override
    public Optional<Path> file(Dataset dataset, Sample sample) {
        return Optional.empty();
    }

    /** Renders {@code count} samples from {@code first}; a sample that cannot be rendered is left null and rendered again on request. */
    private RgbImage[] render(int first, int count) {
        RgbImage[] images = new RgbImage[count];
        for (int i = 0; i < count; i++) {
            try {
                images[i] = render(first + i);
            } catch (BackgroundUnavailableException | UncheckedIOException e) {
                images[i] = null;
            }
        }
        return images;
    }

    RgbImage render(int index) {
        SampleRender.Outcome outcome = SampleRender.render(pool, background, compositor, seed, index);
        sources.record(index, outcome.source());
        return outcome.image();
    }

    /** Returns where each rendered sample's background came from. */
    BackgroundSources sources() {
        return sources;
    }

    /** Renders a failed sample again on the caller's thread to report why it failed. */
    private IOException failure(Chunk chunk, int index) throws IOException {
        if (chunk.remaining().decrementAndGet() == 0) {
            pending.values().remove(chunk);
        }
        try {
            render(index);
            return new IOException("sample " + pool.id(index) + " could not be rendered");
        } catch (BackgroundUnavailableException e) {
            // Writers skip a sample whose pixels cannot be loaded and list it with this reason.
            return new IOException(e.getMessage(), e);
        } catch (UncheckedIOException e) {
            return e.getCause();
        }
    }

    /** Cancels renders still queued, for example after the writer failed. */
    void discardPending() {
        pending.values().forEach(chunk -> chunk.images().cancel(true));
        pending.clear();
    }
}
